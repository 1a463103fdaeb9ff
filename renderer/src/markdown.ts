import { leadingPart, MAX_PREVIEW_CHARS } from '../../electron/common/markdown/parseBounds.js';
import { renderMarkdown, type RenderedMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { createSanitizer } from '../../electron/common/markdown/sanitize.js';

/** The same sanitizing policy as the core, on the page's own window. */
export const sanitize = createSanitizer(window as unknown as Parameters<typeof createSanitizer>[0]);

/** Renders a note's Markdown for preview with the same renderer and policy as articles. */
export function renderNote(markdown: string): RenderedMarkdown {
  return renderMarkdown(markdown, sanitize);
}

/**
 * The live preview of a note: at most MAX_PREVIEW_CHARS rendered, so a long note costs the same at
 * each keystroke as a short one. `shownChars` is set when the preview is cut.
 */
export function renderNotePreview(markdown: string): { html: string; shownChars: number | null } {
  const part = leadingPart(markdown, MAX_PREVIEW_CHARS);
  return { html: renderMarkdown(part ?? markdown, sanitize).html, shownChars: part === null ? null : part.length };
}
