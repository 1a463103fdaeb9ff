/**
 * Keystroke to painted results, in real Chromium on the shipped library (web mode: the real core
 * and bridge). Each key is typed into the header search; the time runs from the input event to the
 * first animation frame after the results for the box's new text are in the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startBridge } from '../../electron/bridge/server.js';
import { createCore } from '../../electron/core/createCore.js';
import { prebuiltLibraryPath, rendererDir } from '../../electron/core/paths.js';
import { percentile, round } from './measure.js';

const QUERIES = [
  'removal order',
  '移除订单',
  'yichu dingdan',
  '钱还能拿回来吗',
  'arbitration fees',
  '日本站客服外包',
  'seller performance',
  '账号关联',
  'counterfiet',
  'plan of action',
];
const PAUSE_MS = 60;

export interface KeystrokeRow {
  samples: number;
  p50Ms: number;
  p99Ms: number;
}

export const KEYSTROKE_GOALS = { p50Ms: 30, p99Ms: 50 };

/**
 * Runs in the page: on each input, waits for results carrying the box's new text, then for the next
 * animation frame, and records the time since the input event in window.__paints.
 */
const RECORD_PAINTS = `(() => {
  window.__paints = [];
  const box = document.querySelector('[data-testid="search-input"]');
  box.addEventListener('input', (event) => {
    const started = event.timeStamp;
    const wanted = box.value.trim();
    if (!wanted) return;
    const shown = () => document.querySelector('.search-results[data-query="' + CSS.escape(wanted) + '"]') !== null;
    const painted = () => requestAnimationFrame(() => window.__paints.push(performance.now() - started));
    if (shown()) return painted();
    const observer = new MutationObserver(() => {
      if (box.value.trim() !== wanted) return observer.disconnect();
      if (!shown()) return;
      observer.disconnect();
      painted();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
  });
})()`;

export async function measureKeystrokes(
  appRoot: string,
  chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<KeystrokeRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seller-kb-keystroke-'));
  const core = await createCore({ appRoot, dataDir, prebuiltPath: prebuiltLibraryPath(appRoot) });
  const bridge = await startBridge({ api: core, staticDir: rendererDir(appRoot) });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(bridge.openLink());
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await page.evaluate(RECORD_PAINTS);
    for (const query of QUERIES) {
      await input.fill('');
      for (const char of query) {
        await input.press('End');
        await page.keyboard.insertText(char);
        await page.waitForTimeout(PAUSE_MS);
      }
    }
    await page.waitForTimeout(200);
    const paints = ((await page.evaluate('window.__paints')) as number[]).sort((a, b) => a - b);
    return {
      samples: paints.length,
      p50Ms: round(percentile(paints, 0.5), 1),
      p99Ms: round(percentile(paints, 0.99), 1),
    };
  } finally {
    await browser.close();
    await bridge.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
