// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_PREVIEW_CHARS } from '../../electron/common/markdown/parseBounds.js';
import { renderNotePreview } from '../../renderer/src/markdown.js';

describe("a long note's live preview", () => {
  it('renders at most the preview cap of a 1 MB note, and says so', () => {
    const note =
      Array.from({ length: 20_000 }, (_, line) => `line ${line} _a_a_a **b**`).join('\n') + '\n' + '_a'.repeat(500_000);
    expect(note.length).toBeGreaterThan(1_000_000);
    const preview = renderNotePreview(note);
    expect(preview.shownChars).not.toBeNull();
    expect(preview.shownChars!).toBeLessThanOrEqual(MAX_PREVIEW_CHARS);
    expect(preview.html).toContain('line 0');
    expect(preview.html).not.toContain('line 19999');
  });

  it('renders a short note whole, with nothing to say', () => {
    expect(renderNotePreview('# Hi\n\n**there**')).toEqual({
      html: expect.stringContaining('<strong>there</strong>'),
      shownChars: null,
    });
  });
});
