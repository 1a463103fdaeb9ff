const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['januar', 1],
  ['jänner', 1],
  ['feb', 2],
  ['february', 2],
  ['februar', 2],
  ['mar', 3],
  ['march', 3],
  ['mär', 3],
  ['märz', 3],
  ['maerz', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['mai', 5],
  ['jun', 6],
  ['june', 6],
  ['juni', 6],
  ['jul', 7],
  ['july', 7],
  ['juli', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['okt', 10],
  ['oktober', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
  ['dez', 12],
  ['dezember', 12],
] as const);

const MONTH = '([A-Za-zä]{3,9})\\.?';
const DATE_PATTERNS: readonly { pattern: RegExp; order: 'ymd' | 'mdy' | 'dmy' }[] = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, order: 'ymd' },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, order: 'ymd' },
  { pattern: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, order: 'ymd' },
  { pattern: new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`), order: 'mdy' },
  { pattern: new RegExp(`\\b(\\d{1,2})\\.? ${MONTH},? (\\d{4})\\b`), order: 'dmy' },
  { pattern: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, order: 'dmy' },
];

/** The first calendar date written in `text` (English, German or Japanese style), as YYYY-MM-DD. */
export function findDate(text: string): { date: string; phrase: string } | null {
  let first: { date: string; phrase: string; at: number } | null = null;
  for (const { pattern, order } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match || (first && match.index >= first.at)) continue;
    const date = toDate(match.slice(1, 4) as [string, string, string], order);
    if (date) first = { date, phrase: match[0], at: match.index };
  }
  return first && { date: first.date, phrase: first.phrase };
}

function toDate(parts: [string, string, string], order: 'ymd' | 'mdy' | 'dmy'): string | null {
  const [a, b, c] = parts;
  const month = (text: string) => (/^\d+$/.test(text) ? Number(text) : (MONTHS.get(text.toLowerCase()) ?? 0));
  const [year, monthNumber, day] =
    order === 'ymd'
      ? [Number(a), month(b), Number(c)]
      : order === 'mdy'
        ? [Number(c), month(a), Number(b)]
        : [Number(c), month(b), Number(a)];
  if (year < 2000 || year > 2100 || monthNumber < 1 || monthNumber > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${String(monthNumber).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null;
}

const DATE_HEADER = /^(?:Date|Sent|Datum|Gesendet|日付|送信日時|送信日)\s*:\s*(.+)$/i;
const FROM_HEADER = /^(?:From|Von|差出人|送信者)\s*:\s*(.+)$/i;
const WROTE_LINE = /^(?:On .{6,200}wrote:?|Am .{6,200}schrieb.{0,200}:|.{6,200}のメッセージ:?)$/i;

/**
 * The day the notice was sent: the Date of the header block whose sender is Amazon (a forwarded
 * or quoted message), else of the innermost header block, else the first date in the text.
 */
export function decideNoticeDate(
  lines: readonly string[],
  flat: string,
): { date: string | null; phrase: string | null } {
  let amazonDate: { date: string; phrase: string } | null = null;
  let lastHeaderDate: { date: string; phrase: string } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const header = DATE_HEADER.exec(line);
    const wrote = header ? null : WROTE_LINE.exec(line);
    const value = header?.[1] ?? (wrote ? line : undefined);
    if (value === undefined) continue;
    const found = findDate(value);
    if (!found) continue;
    lastHeaderDate = found;
    const block = wrote
      ? [line]
      : lines.slice(Math.max(0, index - 4), index + 5).filter((nearby) => FROM_HEADER.test(nearby));
    if (block.some((nearby) => /amazon/i.test(nearby))) amazonDate ??= found;
  }
  const chosen = amazonDate ?? lastHeaderDate ?? findDate(flat);
  return chosen ? { date: chosen.date, phrase: chosen.phrase } : { date: null, phrase: null };
}
