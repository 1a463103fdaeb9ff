import { spawnSync } from 'node:child_process';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { KB_EVENT_NAMES, KB_METHODS } from '../../electron/common/index.js';
import type { KbArgument, KbMethod, KbResult } from '../../electron/common/index.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// The real desktop app in a real Electron (`npm run test:desktop`; scripts/testDesktop.mjs finds the
// binary and sets SELLER_KB_ELECTRON). Each launch uses its own notebook folder through --data.

const BINARY = process.env.SELLER_KB_ELECTRON ?? '';
const ARTICLE = 'fba-removal-order-zh';
const tempDir = useTempDirs();

interface Desktop {
  app: ElectronApplication;
  page: Page;
  /** Requests to anything but the app itself (app://, file:, data:, blob:). */
  foreign: string[];
}

let open: Desktop | null = null;
afterEach(async () => {
  if (open) {
    expect(open.foreign, 'requests outside the app').toEqual([]);
    await open.app.close();
  }
  open = null;
});

async function launch(dataDir: string): Promise<Desktop> {
  const app = await electron.launch({
    executablePath: BINARY,
    args: [APP_ROOT, `--data=${dataDir}`],
    cwd: APP_ROOT,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  const foreign: string[] = [];
  app.context().on('request', (request) => {
    if (!/^(app:\/\/seller-kb\/|file:|data:|blob:|devtools:)/.test(request.url())) foreign.push(request.url());
  });
  await page.getByTestId('search-input').waitFor();
  // Load the page again with every request watched from the first.
  await page.reload();
  await page.getByTestId('search-input').waitFor();
  open = { app, page, foreign };
  return open;
}

async function restart(desktop: Desktop, dataDir: string): Promise<Desktop> {
  expect(desktop.foreign, 'requests outside the app').toEqual([]);
  await desktop.app.close();
  open = null;
  return launch(dataDir);
}

/** window.kb as these tests read it: each answer an envelope; a failed one has no value, and the test fails on it. */
type OkKb = { [M in KbMethod]: (argument?: KbArgument<M>) => Promise<{ value: KbResult<M> }> };

/** The ticked steps of an article, asked of the notebook through window.kb. */
function tickedSteps(page: Page, articleId: string): Promise<number[]> {
  return page.evaluate(
    async (id) =>
      Object.values(
        (await (window as unknown as { kb: OkKb }).kb.getChecklistProgress({ articleId: id })).value.ticked,
      ).flat(),
    articleId,
  );
}

describe('the desktop app in Electron', { timeout: 180_000 }, () => {
  it('with --smoke-test, loads its window, answers a search, opens the notebook and quits with 0', () => {
    const run = spawnSync(BINARY, [APP_ROOT, '--smoke-test', `--data=${tempDir()}`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stdout).toMatch(
      /Seller KB smoke test passed: window loaded, \d+ hits for 移除订单, notebook open \(0 cases\), a folder read by the worker threads \(1 article\)/,
    );
    expect(run.status).toBe(0);
  });

  it('opens a hardened window: CSP, window.kb (and kbFiles for dropped files) the only bridges, no Node, no devtools, app:// only', async () => {
    const { app, page } = await launch(tempDir());
    expect(page.url()).toBe('app://seller-kb/index.html');
    // The CSP comes as the app:// response header and as the page's meta tag, and is in force (no eval).
    const header = await app.evaluate(async ({ net }) =>
      (await net.fetch('app://seller-kb/index.html')).headers.get('content-security-policy'),
    );
    expect(header).toContain("default-src 'none'");
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "script-src 'self'",
    );
    expect(
      await page.evaluate(() => {
        try {
          return String(eval('1 + 1'));
        } catch {
          return 'eval blocked';
        }
      }),
    ).toBe('eval blocked');
    const globals = await page.evaluate(() => ({
      kb: Object.keys((window as unknown as { kb: object }).kb).sort(),
      node: [
        typeof (globalThis as Record<string, unknown>).require,
        typeof (globalThis as Record<string, unknown>).process,
        typeof (globalThis as Record<string, unknown>).module,
      ],
      bridges: Object.keys(window)
        .filter((name) => /^(kb.*|electron|ipc|ipcRenderer|api|bridge|__electron.*)$/i.test(name))
        .sort(),
    }));
    // Each contract method, and on… for each push event (onLibraryChanged, onDue).
    expect(globals.kb).toEqual(
      [...KB_METHODS, ...KB_EVENT_NAMES.map((name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`)].sort(),
    );
    expect(globals.node).toEqual(['undefined', 'undefined', 'undefined']);
    expect(globals.bridges).toEqual(['kb', 'kbFiles']);
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Alt+I' : 'Control+Shift+I');
    await page.keyboard.press('F12');
    const devtools = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => window.webContents.isDevToolsOpened()),
    );
    expect(devtools).toEqual([false]);
    // Chromium's spellchecker (which downloads its dictionaries) is off; corrections come from dictionary-en.
    expect(await app.evaluate(({ session }) => session.defaultSession.isSpellCheckerEnabled())).toBe(false);
  });

  it('finds 移除订单, opens the article, and keeps a ticked step across a restart', async () => {
    const dataDir = tempDir();
    let desktop = await launch(dataDir);
    const { page } = desktop;
    await page.getByTestId('search-input').fill('移除订单');
    await page.getByTestId('search-result').first().waitFor();
    expect(await page.getByTestId('search-result').first().getAttribute('data-id')).toBe(ARTICLE);
    await page.getByTestId('search-result').first().click();
    await expect.poll(() => page.getByTestId('article-view').getAttribute('data-id')).toBe(ARTICLE);
    const steps = page.getByTestId('checklist-step');
    await steps.first().waitFor();
    await steps.nth(1).check();
    await expect.poll(async () => (await tickedSteps(page, ARTICLE)).length).toBe(1);

    desktop = await restart(desktop, dataDir);
    await desktop.page.evaluate((id) => (location.hash = `#/article/${id}`), ARTICLE);
    const again = desktop.page.getByTestId('checklist-step');
    await again.first().waitFor();
    await expect.poll(() => again.nth(1).isChecked()).toBe(true);
    expect(await again.nth(0).isChecked()).toBe(false);
  });

  it('keeps a new case and its note across a restart', async () => {
    const dataDir = tempDir();
    let desktop = await launch(dataDir);
    const { page } = desktop;
    await page.evaluate(() => (location.hash = '#/cases'));
    await page.getByTestId('case-title').fill('德国站账号关联');
    await page.getByTestId('case-create').click();
    await page.getByTestId('case-status').waitFor();
    await page.getByTestId('note-new').click();
    await page.getByTestId('note-body').fill('收到通知：账号关联。已准备申诉信。');
    const notesFound = () =>
      page.evaluate(
        async () => (await (window as unknown as { kb: OkKb }).kb.searchNotes({ text: '申诉信' })).value.length,
      );
    await expect.poll(notesFound, { timeout: 10_000 }).toBe(1);

    desktop = await restart(desktop, dataDir);
    await desktop.page.evaluate(() => (location.hash = '#/cases'));
    const cases = desktop.page.getByTestId('case-item');
    await cases.first().waitFor();
    expect(await cases.allTextContents()).toEqual([expect.stringContaining('德国站账号关联')]);
    expect(
      await desktop.page.evaluate(async () =>
        (await (window as unknown as { kb: OkKb }).kb.searchNotes({ text: '申诉信' })).value.map((hit) => hit.caseId),
      ),
    ).toHaveLength(1);
  });

  it('runs the core in its own utility process ("Seller KB core"), and starts it again once when it is killed', async () => {
    const { app, page } = await launch(tempDir());
    const corePids = () =>
      app.evaluate(({ app: electronApp }) =>
        electronApp
          .getAppMetrics()
          .filter((metric) => metric.type === 'Utility' && metric.name === 'Seller KB core')
          .map((metric) => metric.pid),
      );
    await expect.poll(corePids).toHaveLength(1);
    const [first] = await corePids();
    const search = () =>
      page.evaluate(
        async () => (await (window as unknown as { kb: OkKb }).kb.search({ text: '移除订单' })).value.hits.length,
      );
    expect(await search()).toBeGreaterThan(0);
    process.kill(first!, 'SIGKILL');
    await expect
      .poll(async () => (await corePids()).filter((pid) => pid !== first), { timeout: 30_000 })
      .toHaveLength(1);
    await expect.poll(search, { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
