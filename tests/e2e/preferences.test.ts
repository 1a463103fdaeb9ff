import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { openWebApp, type WebApp } from './harness.js';

const tempDir = useTempDirs();
let app: WebApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('palette and preferences', () => {
  it('opens the command palette with Ctrl+K, searches, opens a result and closes', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette').waitFor();
    await page.keyboard.type('ODR');
    await page.getByTestId('palette').getByTestId('search-result').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('article').waitFor();
    expect(await page.getByTestId('palette').count()).toBe(0);
    expect(await page.getByTestId('article-view').getAttribute('data-id')).toMatch(/order-defect-rate/);
  });

  it('switches the interface to English and the theme to dark, and remembers both after a reload', async () => {
    app = await openWebApp(tempDir(), { locale: 'zh-CN' });
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/settings`);
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^en/);
    await page.reload();
    await page.getByTestId('search-input').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByRole('navigation').first().textContent()).toContain('Settings');
  });

  it('bookmarks an article and lists it, with the recently read, on the home page', async () => {
    app = await openWebApp(tempDir(), { locale: 'en-US' });
    const { page } = app;
    const base = page.url().split('#')[0];
    await page.goto(`${base}#/article/arbitration-en`);
    await page.getByRole('article').waitFor();
    await page.getByRole('button', { pressed: false }).filter({ hasText: '☆' }).click();
    await page.goto(`${base}#/article/litigation-en`);
    await page.getByRole('article').waitFor();
    await page.goto(`${base}#/`);
    const lists = page.locator('section.reading-list');
    await expect.poll(async () => (await lists.allTextContents()).join(' | ')).toMatch(/Arbitration/);
    const [bookmarks, recent] = await lists.allTextContents();
    expect(bookmarks).toContain('Arbitration');
    expect(bookmarks).not.toContain('Litigation');
    expect(recent).toMatch(/Litigation[\s\S]*Arbitration/);
  });

  it('zooms the text and keeps the zoom after a reload', async () => {
    app = await openWebApp(tempDir());
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/settings`);
    await page.getByTestId('zoom').selectOption('125');
    await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe('125%');
    await page.reload();
    await page.getByTestId('search-input').waitFor();
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('125%');
  });

  it('keeps language, theme, zoom, bookmarks and recently read across a restart on another port (kept by the core, not the origin)', async () => {
    const dataDir = tempDir();
    app = await openWebApp(dataDir, { locale: 'zh-CN' });
    const firstPort = app.bridge.port;
    let page = app.page;
    const base = page.url().split('#')[0];
    await page.goto(`${base}#/settings`);
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByTestId('theme').selectOption('dark');
    await page.getByTestId('zoom').selectOption('110');
    await page.goto(`${base}#/article/arbitration-en`);
    await page.getByRole('article').waitFor();
    await page.getByRole('button', { pressed: false }).filter({ hasText: '☆' }).click();
    await expect
      .poll(async () => (await app!.core.getPreferences()).bookmarks.map((ref) => ref.id))
      .toEqual(['arbitration-en']);
    await expect.poll(async () => (await app!.core.getPreferences()).zoom).toBe('110');

    app = await app.restart();
    while (app.bridge.port === firstPort) app = await app.restart();
    page = app.page;
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('110%');
    const lists = page.locator('section.reading-list');
    await expect.poll(async () => (await lists.allTextContents()).join(' | ')).toMatch(/Arbitration/);
    const [bookmarks, recent] = await lists.allTextContents();
    expect(bookmarks).toContain('Arbitration');
    expect(recent).toContain('Arbitration');
  });
});
