import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, CASE_CAUSES, CASE_STATUSES, ERROR_CODES } from '../../electron/common/index.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { seriousViolations } from './accessibility.js';
import { closeEachWebApp, openWebApp, type WebApp } from './harness.js';

const SHOTS = 'test-results';
const tempDir = useTempDirs();
const keep = closeEachWebApp();

/** A case with a status change, changed fields and an export in its timeline. */
async function caseWithHistory(app: WebApp): Promise<number> {
  const record = await app.core.createCase({ title: '德国站 ODR 封号', cause: 'order-defect-rate', marketplace: 'DE' });
  await app.core.updateCase({
    id: record.id,
    changes: { status: 'appeal-sent', asins: ['B000TEST01'], nextFollowUp: '2026-12-20' },
  });
  await app.core.saveNote({ caseId: record.id, title: '申诉信', body: '已发送 POA' });
  await app.core.exportNotebook({ format: 'md', caseId: record.id });
  await app.core.exportNotebook({ format: 'json', caseId: record.id });
  return record.id;
}

/** Every page of the app, each with what shows it is ready. */
function pagesOf(caseId: number): { name: string; route: string; ready: (page: Page) => Promise<unknown> }[] {
  return [
    { name: 'home', route: '#/', ready: (page) => page.locator('section.reading-list').first().waitFor() },
    { name: 'article', route: '#/article/fba-removal-order-zh', ready: (page) => page.getByRole('article').waitFor() },
    {
      name: 'category',
      route: '#/category/causes',
      ready: (page) => page.locator('main a[href^="#/article/"]').first().waitFor(),
    },
    { name: 'contacts', route: '#/contacts', ready: (page) => page.getByTestId('contact-row').first().waitFor() },
    {
      name: 'cases',
      route: '#/cases',
      ready: (page) => page.locator(`main a[href="#/cases/${caseId}"]`).first().waitFor(),
    },
    { name: 'case', route: `#/cases/${caseId}`, ready: (page) => page.locator('.timeline li').nth(3).waitFor() },
    { name: 'trash', route: '#/trash', ready: (page) => page.locator('main h1').waitFor() },
    { name: 'settings', route: '#/settings', ready: (page) => page.getByTestId('ui-language').waitFor() },
  ];
}

async function showSearch(page: Page): Promise<void> {
  await page.getByTestId('search-input').fill('移除订单');
  await page.getByTestId('search-result').first().waitFor();
}

describe('a renderer that feels finished', () => {
  it('never scrolls sideways at 360 and 390 px, with the sidebar behind a menu button (screenshots in test-results/)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const app = keep(await openWebApp(tempDir()));
    const { page } = app;
    const caseId = await caseWithHistory(app);
    const base = page.url().split('#')[0];
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 780 });
      for (const { name, route, ready } of [...pagesOf(caseId), { name: 'search', route: '#/', ready: showSearch }]) {
        await page.goto(`${base}${route}`);
        await ready(page);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          clientWidth: document.scrollingElement!.clientWidth,
        }));
        await page.screenshot({ path: `${SHOTS}/narrow-${width}-${name}.png`, fullPage: true });
        expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(clientWidth);
        if (width === 360) expect(await seriousViolations(page), `${name} at ${width} px`).toEqual([]);
      }
      expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
      await page.getByTestId('menu-button').click();
      expect(await seriousViolations(page), `open menu at ${width} px`).toEqual([]);
      await page.getByRole('link', { name: '设置' }).click();
      await page.getByTestId('ui-language').waitFor();
      expect(await page.getByTestId('menu-button').getAttribute('aria-expanded')).toBe('false');
      // The contacts table is one card per address.
      await page.goto(`${base}#/contacts`);
      const row = page.getByTestId('contact-row').first();
      await row.waitFor();
      expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('block');
    }
  });

  it('walks every page in the Chinese UI and finds no raw codes or English error text, and axe finds nothing serious', async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'zh-CN' }));
    const { page } = app;
    const caseId = await caseWithHistory(app);
    const base = page.url().split('#')[0];
    const fieldCodes = ['asins', 'nextFollowUp', 'appealSent', 'noticeReceived', 'linkedArticles'];
    const rawCodes = new RegExp(
      `(^|[^\\w-])(${[...CASE_STATUSES, ...CASE_CAUSES.filter((cause) => cause !== 'other'), ...ACTIVITY_KINDS, ...fieldCodes, ...ERROR_CODES, 'json', 'md', 'plan-of-action'].join('|')})(?![\\w-])`,
    );
    const englishErrors =
      /Bridge:|Library:|Notebook:|Preferences:|Internal error|not found|must be|Something went wrong/;
    const texts = new Map<string, string>();
    for (const { name, route, ready } of [...pagesOf(caseId), { name: 'search', route: '#/', ready: showSearch }]) {
      await page.goto(`${base}${route}`);
      await ready(page);
      // Article bodies are content (their English product names and sample letters belong there); the interface around them is checked.
      const text = await page.evaluate(() => {
        const copy = document.body.cloneNode(true) as HTMLElement;
        // A select shows its chosen option only.
        const copies = [...copy.querySelectorAll('select')];
        [...document.querySelectorAll('select')].forEach((select, index) =>
          copies[index]?.replaceWith(select.selectedOptions[0]?.textContent ?? ''),
        );
        for (const content of copy.querySelectorAll('.article-body, .markdown, [lang="en"], code, .contact-email'))
          content.remove();
        return copy.innerText;
      });
      texts.set(name, text);
      expect(text, name).not.toMatch(rawCodes);
      expect(text, name).not.toMatch(englishErrors);
      expect(await seriousViolations(page), name).toEqual([]);
    }
    // Outside articles and contacts (content), Latin words are product names, codes of marketplaces and keys only.
    const latinWords = new Set<string>();
    for (const name of ['home', 'cases', 'case', 'trash', 'settings'])
      for (const word of texts.get(name)!.match(/[A-Za-z][A-Za-z-]*/g) ?? []) latinWords.add(word);
    // Marketplaces are named by code and, as on Amazon, by their English name beside the Chinese one; a language by its own name.
    const allowed = new Set([
      'Seller',
      'KB',
      'KBSeller',
      'Ctrl',
      'K',
      'CSBA',
      'Project',
      'Zero',
      'POA',
      'FBA',
      'ODR',
      'Markdown',
      'JSON',
      'A-to-Z',
      'ASIN',
      'SQLCipher',
      'DE',
      'Germany',
      'English',
      'ics',
      'PDF',
      'PNG',
      'JPEG',
      'WebP',
      'eml',
      'MB',
      'Merchant',
      'Token',
      'ID',
    ]);
    expect([...latinWords].filter((word) => !allowed.has(word))).toEqual([]);
    expect(texts.get('case')).toContain('处理中 → 已提交申诉');
    expect(texts.get('case')).toContain('Markdown 文件');
    // A core error (an article that does not exist) in Chinese words, not the core's English message.
    await page.goto(`${base}#/article/no-such-article-zh`);
    await expect.poll(() => page.locator('main').innerText()).toContain('找不到文章“no-such-article-zh”');
    expect(await page.locator('main').innerText()).not.toMatch(englishErrors);
  });

  it('explains how to open web mode when the page is opened without its token', async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const stranger = await app.browser.newPage({ locale: 'en-US' });
    await stranger.goto(`http://127.0.0.1:${app.bridge.port}/`);
    await stranger.getByTestId('no-access').waitFor();
    const text = await stranger.locator('body').innerText();
    expect(text).toContain('npx seller-kb web');
    expect(text).toContain('#token=');
    expect(text).not.toContain('missing or wrong token');
    expect(await seriousViolations(stranger)).toEqual([]);
    await stranger.close();
  });

  it('returns focus where it was after Esc in the palette, and a mailto link opens no window', async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const { page } = app;
    const base = page.url().split('#')[0];
    await page.goto(`${base}#/settings`);
    const select = page.getByTestId('theme');
    await select.focus();
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('theme');

    await page.goto(`${base}#/contacts`);
    await page.getByTestId('contact-row').first().waitFor();
    await page.getByTestId('contact-row').first().getByRole('link').last().click();
    await page.getByTestId('contact-row').first().waitFor();
    expect(app.context.pages()).toHaveLength(1);
    expect(page.url()).toContain('#/contacts');
    // Handing the address to the mail client is the one request the page made outside: no network.
    expect(app.foreignRequests.every((url) => url.startsWith('mailto:'))).toBe(true);
    app.foreignRequests.splice(0);
  });

  it('offers Undo after deleting a case two Shift+Tabs from the page, and keeps it until it is used', async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const { page } = app;
    const caseId = await caseWithHistory(app);
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`);
    await page.getByTestId('case-delete').click();
    await page.locator('main h1').filter({ hasText: 'Case notebook' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    // Still there after other work: it goes only when used or dismissed.
    await page.getByTestId('search-input').fill('ODR');
    await page.getByTestId('search-input').fill('');
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('main h1').filter({ hasText: '德国站 ODR 封号' }).waitFor();
    expect((await app.core.listCases()).map((record) => record.id)).toContain(caseId);
  });
});
