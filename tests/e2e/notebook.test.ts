import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();

describe('the notebook in web mode', () => {
  it(
    'creates a case, adds a note, marks the appeal sent, sees the follow-up, finds the note by a Chinese word, and exports',
    { timeout: 60_000 },
    async () => {
      mkdirSync('test-results', { recursive: true });
      const app = keep(await openWebApp(tempDir()));
      const { page } = app;
      await page.goto(`${page.url().split('#')[0]}#/cases`);
      await page.getByTestId('case-title').fill('德国站账号关联');
      await page.getByTestId('case-create').click();
      await page.getByTestId('case-status').waitFor();
      await page.getByTestId('note-new').click();
      await page.getByTestId('note-body').fill('收到通知：账号关联。已准备申诉信。');
      await expect.poll(async () => (await page.getByTestId('note-preview').textContent()) ?? '').toContain('申诉信');
      await expect.poll(async () => (await app.core.searchNotes({ text: '关联' })).length, { timeout: 5000 }).toBe(1);
      await page.getByTestId('case-status').selectOption('appeal-sent');
      await expect
        .poll(async () => (await page.getByTestId('case-follow-up').textContent()) ?? '')
        .toMatch(/\d{4}-\d{2}-\d{2}/);
      await page.screenshot({ path: 'test-results/case.png', fullPage: true });
      await page.getByTestId('search-input').fill('关联');
      await page.getByTestId('note-result').first().waitFor();
      await page.getByTestId('search-input').press('Escape');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-json').click();
      expect((await download).suggestedFilename()).toMatch(/\.json$/);
    },
  );
});
