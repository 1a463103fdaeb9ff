import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp, settled } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();

describe('push events in the browser', () => {
  it(
    'refreshes the open sidebar when a folder is added elsewhere, changed on disk and removed, without a reload',
    { timeout: 90_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page, bridge } = app;
      await settled(page);
      const myArticles = page.getByRole('navigation').first().locator('a[href="#/category/user"]');
      expect(await myArticles.count()).toBe(0);
      // Marks the page: a reload would lose it.
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const folder = tempDir();
      cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
      // Another client of the bridge (a second tab, a script) adds the folder: this page only hears of it.
      const added = await fetch(new URL('/api/addUserFolder', bridge.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kb-token': bridge.token },
        body: JSON.stringify({ path: folder }),
      });
      expect(added.status).toBe(200);
      await myArticles.waitFor();
      const count = Number(await myArticles.locator('.nav-count').textContent());
      expect(count).toBeGreaterThan(0);

      writeFileSync(
        join(folder, 'pallets.md'),
        '---\ntitle: Pallet labels\n---\nEvery pallet needs two labels, one on each side.\n',
      );
      await expect
        .poll(async () => Number(await myArticles.locator('.nav-count').textContent()), { timeout: 30_000 })
        .toBe(count + 1);

      await app.core.removeUserFolder({ path: folder });
      await myArticles.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(app.consoleErrors).toEqual([]);
    },
  );
});
