import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { rendererDir } from '../../electron/core/paths.js';
import { openTestCore } from '../helpers/core.js';
import { APP_ROOT } from '../helpers/tempDir.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Web mode for a test: the real core over a data folder, the real bridge, Debian's Chromium. */
export interface WebApp {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page made to somewhere other than the app's own origin. */
  foreignRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
  /** Stops the server and the browser, then starts both again on the same data (an app restart). */
  restart(): Promise<WebApp>;
}

export async function openWebApp(dataDir: string, options: { locale?: string } = {}): Promise<WebApp> {
  const core = await openTestCore(dataDir);
  const bridge = await startBridge({
    api: core,
    events: (listener) => core.events.subscribe(listener),
    staticDir: rendererDir(APP_ROOT),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const origin = `http://127.0.0.1:${bridge.port}`;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(bridge.openLink());
  await page.getByTestId('search-input').waitFor();
  const app: WebApp = {
    core,
    bridge,
    browser,
    context,
    page,
    foreignRequests,
    consoleErrors,
    async close() {
      await browser.close();
      await bridge.close();
      core.close();
    },
    async restart() {
      await app.close();
      return openWebApp(dataDir, options);
    },
  };
  return app;
}

/**
 * Closes each test's web app after the test, once it is checked to have asked nothing of another
 * origin. Returns `keep`, which registers the app a test opened (or restarted) and returns it.
 */
export function closeEachWebApp(): (app: WebApp) => WebApp {
  let current: WebApp | null = null;
  afterEach(async () => {
    if (current) {
      expect(current.foreignRequests).toEqual([]);
      await current.close();
    }
    current = null;
  });
  return (app) => {
    // A restart closed the previous app: check it all the same.
    if (current) expect(current.foreignRequests).toEqual([]);
    return (current = app);
  };
}

/**
 * Waits until the page has settled: no request in flight and two animation frames painted. What a
 * test checks did not happen (a script, a navigation) would have happened by then; no fixed sleep.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
