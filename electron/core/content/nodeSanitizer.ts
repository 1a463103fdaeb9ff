import { createRequire } from 'node:module';
import type { JSDOM as JsdomType } from 'jsdom';
import { createSanitizer, type Sanitize } from '../../common/markdown/sanitize.js';

const require = createRequire(import.meta.url);
let sanitizer: Sanitize | null = null;

function sanitizeOnJsdom(html: string): string {
  if (!sanitizer) {
    const { JSDOM } = require('jsdom') as { JSDOM: typeof JsdomType };
    sanitizer = createSanitizer(new JSDOM('').window as unknown as Parameters<typeof createSanitizer>[0]);
  }
  return sanitizer(html);
}

/**
 * The shared sanitizer on a jsdom window, which loads at the first HTML that needs sanitizing:
 * loading jsdom costs most of a second, which a thread reading only plain Markdown (it needs no
 * sanitizer, see alreadyClean.ts), an index or merge job, or the CLI's other commands never pay.
 */
export function nodeSanitizer(): Sanitize {
  return sanitizeOnJsdom;
}
