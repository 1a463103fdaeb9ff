import createDOMPurify, { type WindowLike } from 'dompurify';

/**
 * The one sanitizing policy for every piece of Markdown the app shows: articles, user folders and
 * notes, in Node (jsdom window) and in the renderer (real window).
 *
 * Links: https:, http:, mailto: and in-app "#/…" routes only. Images: only inline raster
 * data: URLs (png, jpeg, gif, webp) and files of the app itself; remote images are dropped because
 * loading them would tell a third party that the note was opened.
 */
const SAFE_LINK = /^(?:https?:|mailto:|#)/i;
const SAFE_IMAGE = /^(?:data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$|(?![a-z][a-z0-9+.-]*:)[^\\/][^:]*$)/i;
/** A scheme ("https:", "javascript:") or a protocol-relative start ("//host", "\\host"): the value reaches outside the app. */
const LEAVES_THE_APP = /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i;
/** Attributes whose value a browser never loads or follows; every other attribute is treated as a URL. */
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'title',
  'class',
  'id',
  'lang',
  'dir',
  'name',
  'colspan',
  'rowspan',
  'width',
  'height',
  'align',
  'valign',
  'start',
  'type',
  'value',
  'scope',
  'headers',
  'abbr',
  'summary',
  'datetime',
  'open',
  'reversed',
  'role',
  'tabindex',
  'rel',
  'hreflang',
  'span',
  'border',
  'cellpadding',
  'cellspacing',
  'nowrap',
  'color',
  'face',
  'size',
  'label',
  'translate',
  'hidden',
]);

/**
 * What a browser makes of an attribute's URL: it drops ASCII controls and spaces around it and tabs
 * and line breaks inside it, so "&#1;//host/x.png" loads //host/x.png. Every control and space goes here.
 */
function urlAsBrowserReadsIt(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** True when an attribute may keep its value: links may leave the app when clicked, nothing may load from outside it. */
export function isSafeAttribute(element: string, attribute: string, rawValue: string): boolean {
  const name = attribute.toLowerCase();
  if (TEXT_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-')) return true;
  const value = urlAsBrowserReadsIt(rawValue);
  if (name === 'href') return SAFE_LINK.test(value);
  if (name === 'src') return element.toUpperCase() === 'IMG' && SAFE_IMAGE.test(value);
  return !LEAVES_THE_APP.test(value);
}

export type Sanitize = (html: string) => string;

/** A link that leaves the app: it gets these attributes, so that the app opens it outside, and unable to reach back. */
export const EXTERNAL_LINK = /^https?:|^mailto:/i;
export const EXTERNAL_LINK_MARKS: ReadonlyMap<string, string> = new Map([
  ['rel', 'noopener noreferrer'],
  ['data-external', 'true'],
]);

/** Builds the sanitizer for a window (jsdom's in Node, the page's in the renderer). */
export function createSanitizer(window: WindowLike): Sanitize {
  const purify = createDOMPurify(window);
  // Over every attribute, not a list of URL attributes: background=, cite=, poster= and the next one all count.
  purify.addHook('uponSanitizeAttribute', (node, event) => {
    if (!isSafeAttribute(node.nodeName, event.attrName, event.attrValue)) event.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
    if (node.nodeName === 'A' && EXTERNAL_LINK.test(node.getAttribute('href') ?? ''))
      for (const [name, value] of EXTERNAL_LINK_MARKS) node.setAttribute(name, value);
  });
  const config = {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'base',
      'link',
      'meta',
      'video',
      'audio',
      'source',
      'track',
      'picture',
      'template',
    ],
    FORBID_ATTR: ['style', 'target', 'srcset', 'action', 'formaction', 'xlink:href'],
    ALLOW_DATA_ATTR: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  };
  return (html: string) => purify.sanitize(html, config) as string;
}
