import { JSDOM } from 'jsdom';
import { createSanitizer, type Sanitize } from '../../common/markdown/sanitize.js';

let sanitizer: Sanitize | null = null;

/** The shared sanitizer on a jsdom window, created on first use (jsdom is slow to load). */
export function nodeSanitizer(): Sanitize {
  if (!sanitizer) sanitizer = createSanitizer(new JSDOM('').window as unknown as Parameters<typeof createSanitizer>[0]);
  return sanitizer;
}
