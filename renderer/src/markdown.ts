import { renderMarkdown, type RenderedMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { createSanitizer } from '../../electron/common/markdown/sanitize.js';

/** The same sanitizing policy as the core, on the page's own window. */
export const sanitize = createSanitizer(window as unknown as Parameters<typeof createSanitizer>[0]);

/** Renders a note's Markdown for preview with the same renderer and policy as articles. */
export function renderNote(markdown: string): RenderedMarkdown {
  return renderMarkdown(markdown, sanitize);
}
