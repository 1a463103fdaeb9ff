import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../common/csp.js';
import { decodeUriSafely } from '../common/uri.js';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Answers app://seller-kb/<path> from the built renderer with the strict CSP; anything outside
 * the renderer folder is 404. Pure enough to test without Electron.
 */
export async function serveAppRequest(rendererRoot: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const root = resolve(rendererRoot);
  const relativePath = decodeUriSafely(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = resolve(join(root, normalize(relativePath)));
  // A malformed escape stays as typed, so it names no file of the app and is not found.
  if (url.host !== 'seller-kb' || !file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
