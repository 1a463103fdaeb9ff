import { EXTERNAL_LINK, EXTERNAL_LINK_MARKS, isSafeAttribute } from './sanitize.js';

/**
 * Whether HTML is already what the sanitizer would make of it, so that sanitizing may be skipped:
 * sanitizing costs most of the time it takes to load a Markdown file in Node (jsdom), and the HTML
 * the renderer writes for plain Markdown never needs it.
 *
 * A deliberately small grammar, not a parser: text without ">", and tags from a short list, in
 * lower case, with double-quoted attributes from a short list whose values pass the one policy
 * (isSafeAttribute) and none of DOMPurify's own value checks could touch (no "<" or ">", nothing
 * to trim, no entity but the five the renderers write). Whatever falls outside — a comment, raw
 * HTML the list does not know, an unusual entity — answers false and goes through the sanitizer.
 * A property test holds this to the sanitizer itself: HTML passing here comes out of it unchanged.
 */
export function isAlreadyClean(html: string): boolean {
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    const textEnd = open === -1 ? html.length : open;
    if (html.slice(at, textEnd).includes('>')) return false;
    if (open === -1) return true;
    TAG.lastIndex = open;
    const tag = TAG.exec(html);
    if (!tag || !isCleanTag(tag[1] === '/', tag[2]!, tag[3]!)) return false;
    at = TAG.lastIndex;
  }
  return true;
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>/y;
const ATTRIBUTE = / ([a-z][a-z0-9-]*)="([^"]*)"/g;

/** Elements the renderers write, and a few harmless ones people type; void elements have no closing tag. */
const ELEMENTS = new Set(
  'p h1 h2 h3 h4 h5 h6 a img em strong del s code pre blockquote ul ol li table thead tbody tr th td hr br kbd sup sub b i u mark small span div'.split(
    ' ',
  ),
);
const VOID_ELEMENTS = new Set(['img', 'hr', 'br']);
const ANY_ELEMENT = new Set(['class', 'title', 'align']);
const ELEMENT_ATTRIBUTES = new Map<string, Set<string>>([
  ['a', new Set(['href', 'rel'])],
  ['img', new Set(['src', 'alt'])],
  ['ol', new Set(['start'])],
  ['td', new Set(['colspan', 'rowspan'])],
  ['th', new Set(['colspan', 'rowspan'])],
]);
const DATA_ATTRIBUTE = /^data-[a-z0-9-]+$/;
const ENTITY = /&(?:#(\d{1,7})|(amp|lt|gt|quot));/g;
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
]);

function isCleanTag(closing: boolean, name: string, attributeText: string): boolean {
  if (!ELEMENTS.has(name)) return false;
  if (closing) return attributeText === '' && !VOID_ELEMENTS.has(name);
  const attributes = new Map<string, string>();
  for (const [, attribute, raw] of attributeText.matchAll(ATTRIBUTE)) {
    const value = decodeValue(raw!);
    if (value === null || attributes.has(attribute!)) return false;
    if (!isCleanAttribute(name, attribute!, value)) return false;
    attributes.set(attribute!, value);
  }
  if (name === 'img') return attributes.has('src');
  if (name === 'a' && EXTERNAL_LINK.test(attributes.get('href') ?? ''))
    // The sanitizer's hook would add these (sanitize.ts): they must be there already.
    return [...EXTERNAL_LINK_MARKS].every(([mark, value]) => attributes.get(mark) === value);
  return true;
}

function isCleanAttribute(element: string, attribute: string, value: string): boolean {
  const known =
    ANY_ELEMENT.has(attribute) ||
    DATA_ATTRIBUTE.test(attribute) ||
    ELEMENT_ATTRIBUTES.get(element)?.has(attribute) === true ||
    // Heading anchors: "h-…" is never the name of a document property, which the sanitizer would strip.
    (attribute === 'id' && value.startsWith('h-'));
  return (
    known &&
    !/[<>]/.test(value) &&
    value === value.trim() &&
    isSafeAttribute(element, attribute, value) &&
    (NEVER_A_URL.has(attribute) || DATA_ATTRIBUTE.test(attribute) || passesUriCheck(element, attribute, value))
  );
}

/** DOMPurify reads every other attribute as a possible URL (its URI_SAFE_ATTRIBUTES); these are the ones used here. */
const NEVER_A_URL = new Set(['alt', 'class', 'id', 'title']);
/** DOMPurify's own test for such a value (IS_ALLOWED_URI and its data: exception for images), without its whitespace. */
const DOMPURIFY_ALLOWED_URI =
  /^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// eslint-disable-next-line no-control-regex -- DOMPurify's own class, controls included
const DOMPURIFY_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

function passesUriCheck(element: string, attribute: string, value: string): boolean {
  if (value === '' || DOMPURIFY_ALLOWED_URI.test(value.replace(DOMPURIFY_WHITESPACE, ''))) return true;
  return element === 'img' && attribute === 'src' && value.startsWith('data:');
}

/** The value as a parser reads it, or null when it holds an entity the renderers never write. */
function decodeValue(raw: string): string | null {
  if (raw.replace(ENTITY, '').includes('&')) return null;
  let unknown = false;
  const value = raw.replace(ENTITY, (_match, code: string | undefined, name: string | undefined) => {
    if (name) return NAMED.get(name)!;
    const point = Number(code);
    // Controls and the C1 range read differently in a parser (NUL, windows-1252); no renderer writes them.
    if (point < 0x20 || (point >= 0x7f && point <= 0x9f) || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) {
      unknown = true;
      return '';
    }
    return String.fromCodePoint(point);
  });
  return unknown ? null : value;
}
