import { MAX_NOTICE_CHARS, type NoticeRejection } from '../../common/index.js';

// MAX_NOTICE_CHARS: longer than any real notice e-mail with its quoted thread; a 10 MB paste is refused, not scanned.

/** The notice's text, cleaned for matching: lines (for headers) and one flat string (for phrases). */
export interface PreparedNotice {
  lines: string[];
  flat: string;
}

const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
});

/** Why `text` cannot be a notice before any matching, or null when it may be one. */
export function rejectEarly(text: string): NoticeRejection | null {
  if (text.length > MAX_NOTICE_CHARS) return 'too-long';
  if (text.trim() === '') return 'empty';
  let control = 0;
  let replacement = 0;
  let mojibake = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return 'binary';
    if ((code < 9 || (code > 13 && code < 32)) && code !== 27) control++;
    else if (code === 0xfffd) replacement++;
    // UTF-8 read as Latin-1 or Windows-1252: "Ã©", "â€™", "Ã¤".
    else if (
      (code === 0xc3 || code === 0xc2 || code === 0xe2) &&
      index + 1 < text.length &&
      isMojibakeTail(text.charCodeAt(index + 1))
    )
      mojibake++;
  }
  const length = text.length;
  if (control > 8 && control > length / 100) return 'binary';
  if (replacement > 3 && replacement > length / 500) return 'garbled';
  if (mojibake > 3 && mojibake > length / 500) return 'garbled';
  return null;
}

function isMojibakeTail(code: number): boolean {
  return (
    (code >= 0x80 && code <= 0xbf) ||
    code === 0x20ac ||
    code === 0x2122 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0xa0
  );
}

/**
 * Undoes what mail clients and HTML-to-text converters leave behind: tags and entities,
 * quoted-printable soft breaks, "> " quote markers, full-width characters, and sentences broken
 * over several lines. Linear in the length of the text.
 */
export function prepareNotice(text: string): PreparedNotice {
  let clean = text.normalize('NFKC').replace(/\r\n?/g, '\n');
  if ((clean.match(/=\n/g) ?? []).length >= 3)
    clean = clean.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => decodeAsciiByte(hex));
  clean = clean
    .replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h[1-6])(?:\s[^<>]{0,200})?\/?>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9]{0,10}(?:\s[^<>]{0,500})?\/?>|<![^<>]{0,500}>/gi, ' ')
    .replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (match, name: string) => decodeEntity(match, name))
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '');
  const lines = clean.split('\n').map((line) =>
    line
      .replace(/^(?:\s*>)+\s?/, '')
      .replace(/[ \t\u3000]+/g, ' ')
      .trim(),
  );
  const flat = lines.join(' ').replace(/ {2,}/g, ' ');
  return { lines, flat };
}

function decodeAsciiByte(hex: string): string {
  const code = parseInt(hex, 16);
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : `=${hex}`;
}

function decodeEntity(match: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
  }
  return ENTITIES[name.toLowerCase()] ?? match;
}
