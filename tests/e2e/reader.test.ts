import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { seriousViolations } from './accessibility.js';
import { openWebApp, settled, type WebApp } from './harness.js';

const tempDir = useTempDirs();
const SHOTS = 'test-results';
mkdirSync(SHOTS, { recursive: true });
let app: WebApp | null = null;
afterEach(async () => {
  if (app) {
    expect(app.foreignRequests, 'requests outside the app').toEqual([]);
    expect(
      app.consoleErrors.filter((text) => !/Failed to load resource/.test(text)),
      'console errors',
    ).toEqual([]);
    await app.close();
  }
  app = null;
});

describe('reading in web mode', () => {
  it('finds 移除订单 from the keyboard and opens the removal-order article', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    await page.keyboard.press('Tab');
    await page.getByTestId('search-input').fill('移除订单');
    await page.getByTestId('search-result').first().waitFor();
    expect(await page.getByTestId('search-result').first().getAttribute('data-id')).toBe('fba-removal-order-zh');
    await page.screenshot({ path: `${SHOTS}/search-zh.png` });
    await page.getByTestId('search-input').press('ArrowDown');
    await page.getByTestId('search-input').press('Enter');
    const article = page.getByRole('article');
    await article.waitFor();
    expect(await page.getByTestId('article-view').getAttribute('data-id')).toBe('fba-removal-order-zh');
    expect(await article.locator('h2').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/article-zh.png`, fullPage: true });
  });

  it('filters search results by language and category, and suggests a spelling when nothing matches', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    const input = page.getByTestId('search-input');
    await input.fill('ODR');
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    const languageFilter = page.getByRole('combobox', { name: /语言|Language/ }).first();
    await languageFilter.selectOption('en');
    await expect
      .poll(async () =>
        (await results.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')))).every((id) =>
          id?.endsWith('-en'),
        ),
      )
      .toBe(true);
    await page
      .getByRole('combobox', { name: /分类|Category/ })
      .first()
      .selectOption('plan-of-action');
    await expect
      .poll(async () =>
        (await results.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')))).every(
          (id) => id?.startsWith('poa-') && id.endsWith('-en'),
        ),
      )
      .toBe(true);
    await languageFilter.selectOption('');
    await page
      .getByRole('combobox', { name: /分类|Category/ })
      .first()
      .selectOption('');
    await input.fill('xarbitratixnq');
    const suggestion = page.getByRole('button', { name: 'arbitration', exact: true });
    await suggestion.click();
    await expect.poll(() => input.inputValue()).toBe('arbitration');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
  });

  it('keeps ticked checklist steps across a restart, and resets them', async () => {
    const dataDir = tempDir();
    app = await openWebApp(dataDir);
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/fba-removal-order-zh`);
    const steps = app.page.getByTestId('checklist-step');
    await steps.first().waitFor();
    expect(await steps.count()).toBeGreaterThanOrEqual(6);
    await steps.nth(0).check();
    await steps.nth(2).check();
    // Saved in the notebook before the restart: two ticks stored, however long the calls took.
    await expect
      .poll(
        async () =>
          Object.values((await app!.core.getChecklistProgress({ articleId: 'fba-removal-order-zh' })).ticked).flat()
            .length,
      )
      .toBe(2);
    app = await app.restart();
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/fba-removal-order-zh`);
    const again = app.page.getByTestId('checklist-step');
    await again.first().waitFor();
    await expect.poll(() => again.nth(0).isChecked()).toBe(true);
    expect([await again.nth(1).isChecked(), await again.nth(2).isChecked()]).toEqual([false, true]);
    app.page.once('dialog', (dialog) => void dialog.accept());
    await app.page.getByTestId('checklist-reset').first().click();
    await expect.poll(() => again.nth(0).isChecked()).toBe(false);
  });

  it('switches an article to its English twin', async () => {
    app = await openWebApp(tempDir());
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/fba-removal-order-zh`);
    await app.page.getByTestId('switch-language').click();
    await expect.poll(() => app!.page.getByTestId('article-view').getAttribute('data-id')).toBe('fba-removal-order-en');
    expect(await app.page.getByRole('article').textContent()).toContain('removal order');
  });

  it('follows an in-app link between articles and comes back with Back', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/article/start-here-zh`);
    const link = page.getByRole('article').locator('a[data-article]').first();
    const target = await link.getAttribute('data-article');
    await link.click();
    await expect.poll(() => page.getByTestId('article-view').getAttribute('data-id')).toBe(target);
    await page.goBack();
    await expect.poll(() => page.getByTestId('article-view').getAttribute('data-id')).toBe('start-here-zh');
    await page.goForward();
    await expect.poll(() => page.getByTestId('article-view').getAttribute('data-id')).toBe(target);
  });

  it('filters the contacts table to Germany', async () => {
    app = await openWebApp(tempDir());
    await app.page.goto(`${app.page.url().split('#')[0]}#/contacts`);
    const rows = app.page.getByTestId('contact-row');
    await rows.first().waitFor();
    const all = await rows.count();
    await app.page.getByTestId('contacts-marketplace').selectOption('DE');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => /\bDE\b|\.de\b|ALL|全部/.test(text))).toBe(true);
    await app.page.screenshot({ path: `${SHOTS}/contacts-de.png` });
  });

  it('shows sources a reader can follow, dates old facts, and never shows our provenance notes', async () => {
    app = await openWebApp(tempDir(), { locale: 'en-US' });
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/seller-performance-en`);
    const sources = app.page.locator('.article-sources');
    await sources.waitFor();
    const text = (await app.page.getByRole('article').textContent()) ?? '';
    expect(await sources.textContent()).toContain('Amazon Seller Central Help');
    expect(await sources.locator('a.source-link').count()).toBeGreaterThan(0);
    expect(text).not.toMatch(/\.txt\b|\bseed\b|reconstructed/i);
    await expect.poll(() => app!.page.getByTestId('stale-facts').textContent()).toContain('2022-09');
  });

  it('shows one calm notice on the contacts page, no per-address badges, and the addresses for everywhere with a marketplace', async () => {
    app = await openWebApp(tempDir(), { locale: 'en-US' });
    await app.page.goto(`${app.page.url().split('#')[0]}#/contacts`);
    const rows = app.page.getByTestId('contact-row');
    await rows.first().waitFor();
    expect(await app.page.getByTestId('contacts-notice').textContent()).toContain('Seller Central');
    expect(await app.page.locator('.badge-warning').count()).toBe(0);
    await app.page.getByTestId('contacts-marketplace').selectOption('MX');
    await expect
      .poll(async () =>
        (await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-marketplace'))))
          .sort()
          .filter((code, index, all) => all.indexOf(code) === index),
      )
      .toEqual(['ALL', 'MX']);
    const mexico = await app.page.locator('tr[data-marketplace="MX"] .contact-email').allTextContents();
    expect(mexico.length).toBeGreaterThan(0);
    expect(mexico.every((email) => email.endsWith('@amazon.com.mx'))).toBe(true);
  });

  it('prints an article to PDF with the print stylesheet', async () => {
    app = await openWebApp(tempDir());
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/fba-removal-order-en`);
    await app.page.getByTestId('print-article').waitFor();
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('nav').first().isVisible()).toBe(false);
    const pdf = `${SHOTS}/article.pdf`;
    await app.page.pdf({ path: pdf, format: 'A4' });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });

  it('never opens a result on Enter while an input method is composing', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    const input = page.getByTestId('search-input');
    await input.fill('移除订单');
    await page.getByTestId('search-result').first().waitFor();
    const before = page.url();
    await input.evaluate((element) => {
      element.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      element.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true }),
      );
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true }));
    });
    await settled(page);
    expect(page.url()).toBe(before);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    app = await openWebApp(tempDir());
    const pages = ['#/', '#/article/fba-removal-order-zh', '#/contacts', '#/cases'];
    for (const route of pages) {
      await app.page.goto(`${app.page.url().split('#')[0]}${route}`);
      await app.page.locator('main').first().waitFor();
      await settled(app.page);
      expect(await seriousViolations(app.page), route).toEqual([]);
    }
  });
});
