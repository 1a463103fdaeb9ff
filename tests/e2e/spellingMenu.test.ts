import { describe, expect, it } from 'vitest';
import { selectRangeScript, WORD_AT_CARET, type WordAtCaret } from '../../electron/main/spelling.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

// The page side of the desktop spelling menu, in Chromium: a right click puts the caret in the word,
// the main process reads the word at the caret, selects it and replaces it with the correction
// (webContents.replace types it like the keyboard, so the note is saved as usual).
const tempDir = useTempDirs();
const keep = closeEachWebApp();

describe('correcting a word from the context menu', () => {
  it(
    'finds the misspelt word under a right click in a note and saves its correction',
    { timeout: 60_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      await page.goto(`${page.url().split('#')[0]}#/cases`);
      await page.getByTestId('case-title').fill('Spelling');
      await page.getByTestId('case-create').click();
      await page.getByTestId('note-new').click();
      const body = page.getByTestId('note-body');
      await body.fill('We will recieve the funds.');
      await body.evaluate((element) => {
        const field = element as HTMLTextAreaElement;
        field.style.font = '20px monospace';
        field.setSelectionRange(0, 0);
      });
      const box = (await body.boundingBox())!;
      const charWidth = await body.evaluate(() => {
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = '20px monospace';
        return canvas.measureText('m').width;
      });
      const padding = await body.evaluate(
        (element) =>
          parseFloat(getComputedStyle(element).paddingLeft) + parseFloat(getComputedStyle(element).borderLeftWidth),
      );
      await page.mouse.click(box.x + padding + charWidth * 10.5, box.y + 16, { button: 'right' });

      const found = (await page.evaluate(WORD_AT_CARET)) as WordAtCaret;
      expect(found).toEqual({ start: 8, end: 15, word: 'recieve' });
      await page.evaluate(selectRangeScript(found.start, found.end));
      await page.keyboard.insertText('receive');
      expect(await body.inputValue()).toBe('We will receive the funds.');
      await expect
        .poll(async () => (await app.core.searchNotes({ text: 'receive' })).length, { timeout: 10_000 })
        .toBe(1);
      expect(() => selectRangeScript(1.5, Number.NaN)).toThrow('Spelling: not a text range');
    },
  );
});
