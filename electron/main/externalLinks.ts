import { decodeUriSafely } from '../common/uri.js';

/** The only URL schemes the app hands to the operating system. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/**
 * True for a URL the system may open: https: pages and mailto: addresses, nothing else
 * (no file:, javascript:, custom schemes, credentials in the URL or control characters).
 */
export function isAllowedExternalUrl(raw: unknown): raw is string {
  // Control characters and backslashes are how URL-parser confusion attacks start.
  // eslint-disable-next-line no-control-regex
  if (typeof raw !== 'string' || raw.length > 2048 || /[\u0000-\u001f\u007f\s\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'https:') return url.hostname !== '' && url.username === '' && url.password === '';
  return /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(decodeUriSafely(url.pathname));
}

/** Opens an allowed URL with the given opener (Electron's shell.openExternal); refuses the rest. */
export async function openExternalSafely(raw: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await open(raw);
  return true;
}
