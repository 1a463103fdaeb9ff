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

export type Sanitize = (html: string) => string;

/** Builds the sanitizer for a window (jsdom's in Node, the page's in the renderer). */
export function createSanitizer(window: WindowLike): Sanitize {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, event) => {
    const value = event.attrValue.trim();
    if (event.attrName === 'href' && !SAFE_LINK.test(value)) event.keepAttr = false;
    if (event.attrName === 'src' && (node.nodeName !== 'IMG' || !SAFE_IMAGE.test(value))) event.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && !node.getAttribute('src')) node.remove();
    if (node.nodeName === 'A' && /^https?:|^mailto:/i.test(node.getAttribute('href') ?? '')) {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('data-external', 'true');
    }
  });
  const config = {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'base', 'link', 'meta', 'video', 'audio', 'source', 'track', 'picture', 'template'],
    FORBID_ATTR: ['style', 'target', 'srcset', 'action', 'formaction', 'xlink:href'],
    ALLOW_DATA_ATTR: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  };
  return (html: string) => purify.sanitize(html, config) as string;
}
