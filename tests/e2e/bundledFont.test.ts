import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererDir } from '../../electron/core/paths.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();
const assets = join(rendererDir(APP_ROOT), 'assets');

describe('the bundled CJK font', () => {
  it('is built into the renderer as woff2 files, with no woff copies, no data: fonts and nothing remote', () => {
    const files = readdirSync(assets);
    const fonts = files.filter((name) => name.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(100);
    expect(files.filter((name) => /\.(woff|ttf|otf)$/.test(name))).toEqual([]);
    const css = files
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    expect(css).toContain('font-family:Noto Sans SC');
    expect(css).toContain('unicode-range:');
    expect(css).not.toMatch(/url\((?!\.\/|\/|[\w-]+\.woff2\))/);
    expect(css).not.toContain('data:font');
  });

  it(
    "renders Chinese with the app's own Noto Sans SC, loading only the subsets the page needs",
    { timeout: 60_000 },
    async () => {
      const app = keep(await openWebApp(tempDir()));
      const { page } = app;
      const fontRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.woff2')) fontRequests.push(request.url());
      });
      await page.goto(`${page.url().split('#')[0]}#/article/fba-removal-order-zh`);
      const heading = page.getByRole('article').locator('h1').first();
      await heading.waitFor();
      const title = (await heading.textContent()) ?? '';
      expect(title).toMatch(/[\u4e00-\u9fff]/);
      // Only the bundled font in the heading: every glyph must come from it, none from a system fallback.
      await heading.evaluate((element) => ((element as HTMLElement).style.fontFamily = '"Noto Sans SC"'));
      const loaded = await page.evaluate(
        async (text) => (await document.fonts.load('16px "Noto Sans SC"', text)).map((face) => face.status),
        title,
      );
      expect(loaded.length).toBeGreaterThan(0);
      expect(new Set(loaded)).toEqual(new Set(['loaded']));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'article h1' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // (The subsets' own name table says "Noto Sans SC Thin": they are cut from the variable font.)
      expect(fonts.map((font) => ({ family: font.familyName, custom: font.isCustomFont }))).toEqual([
        { family: expect.stringMatching(/^Noto Sans SC/), custom: true },
      ]);
      expect(fontRequests.length).toBeGreaterThan(0);
      expect(fontRequests.length).toBeLessThan(60);
      const origin = new URL(app.page.url()).origin;
      expect(fontRequests.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    },
  );
});
