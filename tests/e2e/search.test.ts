import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();
const SHOTS = 'test-results';
mkdirSync(SHOTS, { recursive: true });

const resultIds = (page: import('playwright-core').Page, testId = 'search-result') => page.getByTestId(testId).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));

describe('search as sellers type it, in Chromium', () => {
  it('finds Chinese titles from pinyin, answers a colloquial question, and lists each topic once', async () => {
    const { page } = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const input = page.getByTestId('search-input');
    await input.fill('yichu dingdan');
    await page.locator('[data-testid="search-result"][data-id="fba-removal-order-zh"]').waitFor();
    expect((await resultIds(page))[0]).toBe('fba-removal-order-zh');
    await input.fill('钱还能拿回来吗');
    await page.locator('[data-testid="search-result"][data-id="funds-after-suspension-zh"]').first().waitFor();
    expect((await resultIds(page))[0]).toBe('funds-after-suspension-zh');
    await input.fill('removal order');
    await page.locator('[data-testid="search-result"][data-id="fba-removal-order-en"]').waitFor();
    const ids = await resultIds(page);
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
    await page.locator('[data-testid="search-result"][data-id="arbitration-en"]').waitFor();
    expect(await input.inputValue()).toBe('arbitration');
    expect((await resultIds(page))[0]).toBe('arbitration-en');
  });
});
