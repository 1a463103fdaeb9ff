/**
 * decodeURIComponent that never throws: a malformed escape ("%zz", a lone "%") leaves the text as
 * it was. Links come from content and users, so every decode of one goes through here.
 *
 * @example decodeUriSafely('a%20b') // → 'a b'; decodeUriSafely('100%') // → '100%'
 */
export function decodeUriSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The address a mailto: link writes to (without ?subject=… and the like), decoded where it can be. */
export function mailtoAddress(href: string): string {
  return decodeUriSafely(href.replace(/^mailto:/i, '').split('?')[0] ?? '');
}
