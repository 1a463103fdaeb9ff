import { createRequire } from 'node:module';
import type { JSDOM as JsdomType } from 'jsdom';
import { createSanitizer, type Sanitize } from '../../common/markdown/sanitize.js';

const require = createRequire(import.meta.url);
let sanitizer: Sanitize | null = null;

/**
 * The shared sanitizer on a jsdom window, created on first use: loading jsdom costs half a second,
 * which a thread that never sanitizes (an index or merge job, the CLI's other commands) never pays.
 */
export function nodeSanitizer(): Sanitize {
  if (!sanitizer) {
    const { JSDOM } = require('jsdom') as { JSDOM: typeof JsdomType };
    sanitizer = createSanitizer(new JSDOM('').window as unknown as Parameters<typeof createSanitizer>[0]);
  }
  return sanitizer;
}
