import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();
const SHOTS = 'test-results';
mkdirSync(SHOTS, { recursive: true });

type Page = import('playwright-core').Page;

/** The article ids shown, once the results on the page are those of `text` (never the previous query's). */
async function resultIds(page: Page, text: string): Promise<(string | null)[]> {
  await page.locator(`.search-results:not(.is-stale)[data-query="${text}"]`).waitFor();
  return page.getByTestId('search-result').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
}

describe('search as sellers type it, in Chromium', () => {
  it('finds Chinese titles from pinyin, answers a colloquial question, and lists each topic once', async () => {
    const { page } = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const input = page.getByTestId('search-input');
    await input.fill('yichu dingdan');
    expect((await resultIds(page, 'yichu dingdan'))[0]).toBe('fba-removal-order-zh');
    await input.fill('钱还能拿回来吗');
    expect((await resultIds(page, '钱还能拿回来吗'))[0]).toBe('funds-after-suspension-zh');
    await input.fill('removal order');
    const ids = await resultIds(page, 'removal order');
    expect(ids).toContain('fba-removal-order-en');
    const topics = ids.map((id) => id!.replace(/-(en|zh)$/, ''));
    expect(new Set(topics).size).toBe(ids.length);
    await page.screenshot({ path: `${SHOTS}/search-folded.png` });
  });

  it('says when results cover only part of the question, shows contacts that match, and explains the operators', async () => {
    const { page } = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const input = page.getByTestId('search-input');
    await input.fill('removal order xyzzyqq');
    await page.getByTestId('search-partial').waitFor();
    await input.fill('seller performance');
    await page.getByTestId('contact-result').first().waitFor();
    await page.getByTestId('search-tips').click();
    await page.getByText('market:DE').waitFor();
    await page.screenshot({ path: `${SHOTS}/search-tips.png` });
  });

  it('shows the results of the last text typed, however fast the keys come (latest wins)', async () => {
    const { page } = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const input = page.getByTestId('search-input');
    await input.pressSequentially('arbitration', { delay: 0 });
    expect(await input.inputValue()).toBe('arbitration');
    expect((await resultIds(page, 'arbitration'))[0]).toBe('arbitration-en');
  });
});
