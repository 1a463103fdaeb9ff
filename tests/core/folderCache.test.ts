import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDER_CACHE_FILE, readFolderCache, writeFolderCache } from '../../electron/core/content/folderCache.js';
import { prebuiltLibraryPath } from '../../electron/core/paths.js';
import { openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const cacheKey = () =>
  createHash('sha256')
    .update(readFileSync(prebuiltLibraryPath(APP_ROOT)))
    .digest('hex');

/** A copy of the fixture folder added to a fresh core, closed again: the cache is written. */
async function folderWithCache(): Promise<{ folder: string; dataDir: string; cachePath: string }> {
  const folder = tempDir();
  const dataDir = tempDir();
  cpSync('tests/fixtures/userFolder', folder, { recursive: true });
  const core = await openTestCore(dataDir);
  await core.addUserFolder({ path: folder });
  core.close();
  return { folder, dataDir, cachePath: join(dataDir, FOLDER_CACHE_FILE) };
}

describe('loading a large user folder', () => {
  it(
    "runs off the core's thread: a search asked meanwhile is answered first, and sees the library before the folder, never half of it",
    { timeout: 60_000 },
    async () => {
      const folder = tempDir();
      for (let index = 0; index < 600; index++)
        writeFileSync(
          join(folder, `note-${index}.md`),
          `# Warehouse note ${index}\n\nPallets for the zanzibar depot, batch ${index}.\n`,
        );
      const core = await openTestCore(tempDir());
      const order: string[] = [];
      const adding = core.addUserFolder({ path: folder }).then(() => order.push('added'));
      await new Promise((resolve) => setImmediate(resolve));
      const during = await core.search({ text: 'zanzibar', limit: 200 });
      order.push('searched');
      await adding;
      expect(order).toEqual(['searched', 'added']);
      expect(during.hits).toEqual([]);
      expect((await core.search({ text: 'zanzibar', limit: 200 })).hits.length).toBe(200);
      expect((await core.getLibraryInfo()).userFolders[0]?.articleCount).toBe(600);
      core.close();
    },
  );
});

describe('the user-folder cache', () => {
  it('lets a start re-read only the files that changed: unchanged ones come from the cache', async () => {
    const { folder, dataDir, cachePath } = await folderWithCache();
    // Mark the cached copy of an unchanged file, so it shows whether the file was read again.
    const cache = readFolderCache(cachePath, cacheKey())!;
    cache.folders[0]!.entries = cache.folders[0]!.entries.map((line) => {
      const entry = JSON.parse(line) as [string, number, number, { title?: string } | string];
      const outcome = entry[3];
      if (typeof outcome !== 'string' && outcome.title === 'Supplier checklist')
        entry[3] = { ...outcome, title: 'Supplier checklist (from the cache)' };
      return JSON.stringify(entry);
    });
    writeFolderCache(cachePath, cache);
    writeFileSync(join(folder, 'notes.md'), '# 我的笔记\n\n改过了：货件改发鹿特丹仓库。');
    utimesSync(join(folder, 'notes.md'), new Date(), new Date(Date.now() + 5000));
    writeFileSync(join(folder, 'added.md'), '# Added later\n\nShip the leftover units to Ontario.');

    const core = await openTestCore(dataDir);
    expect((await core.search({ text: 'supplier invoices' })).hits[0]?.title).toBe(
      'Supplier checklist (from the cache)',
    );
    expect((await core.search({ text: '鹿特丹' })).hits[0]?.title).toBe('我的笔记');
    expect((await core.search({ text: 'ontario' })).hits[0]?.title).toBe('Added later');
    expect((await core.getLibraryInfo()).userFolders[0]).toMatchObject({
      articleCount: 3,
      problems: [{ path: 'sub/bad.md' }],
    });
    core.close();
  });

  it('keeps the index as its segments, dead copies marked, and a start brings back only the live ones', async () => {
    const folder = tempDir();
    const dataDir = tempDir();
    writeFileSync(join(folder, 'stock.md'), '# Stock note\n\nThe pallets wait in quokka hall.');
    writeFileSync(join(folder, 'other.md'), '# Other note\n\nNothing about halls here.');
    const core = await openTestCore(dataDir);
    await core.addUserFolder({ path: folder });
    writeFileSync(join(folder, 'stock.md'), '# Stock note\n\nThe pallets moved to wombat hall.');
    utimesSync(join(folder, 'stock.md'), new Date(), new Date(Date.now() + 5000));
    await core.addUserFolder({ path: folder });
    core.close();

    const cache = readFolderCache(join(dataDir, FOLDER_CACHE_FILE), cacheKey())!;
    // Stored as they were, not merged: the first segment still holds the old copy, marked dead.
    expect(cache.segments.length).toBe(2);
    expect([...cache.segments[0]!.alive].sort()).toEqual([0, 1]);
    const again = await openTestCore(dataDir);
    expect((await again.search({ text: 'wombat' })).hits.map((hit) => hit.title)).toEqual(['Stock note']);
    expect((await again.search({ text: 'quokka' })).hits).toEqual([]);
    again.close();
  });

  it('is ignored when damaged or made by another build, and the folder loads from its files', async () => {
    const { dataDir, cachePath } = await folderWithCache();
    for (const damage of [
      () => writeFileSync(cachePath, 'not a cache'),
      () => writeFolderCache(cachePath, { ...readFolderCache(cachePath, cacheKey())!, key: 'another build' }),
    ]) {
      damage();
      const core = await openTestCore(dataDir);
      expect((await core.search({ text: 'supplier invoices' })).hits[0]?.title).toBe('Supplier checklist');
      core.close();
      expect(readFolderCache(cachePath, cacheKey())?.folders.length, 'written again at close').toBe(1);
    }
    // A damaged index inside a well-formed cache: the same.
    const cache = readFolderCache(cachePath, cacheKey())!;
    writeFolderCache(cachePath, {
      ...cache,
      segments: [{ bytes: new TextEncoder().encode('SKBI garbage'), alive: cache.segments[0]!.alive }],
    });
    const core = await openTestCore(dataDir);
    expect((await core.search({ text: '心得' })).hits[0]?.title).toBe('我的笔记');
    core.close();
  });

  it('never brings back a folder that was removed, and stays untouched while the notebook is locked', async () => {
    const { folder, dataDir, cachePath } = await folderWithCache();
    const core = await openTestCore(dataDir);
    await core.encryptNotebook({ passphrase: 'a long passphrase' });
    core.close();
    const written = statSync(cachePath).mtimeMs;

    const locked = await openTestCore(dataDir);
    expect((await locked.getLibraryInfo()).userFolders).toEqual([]);
    locked.close();
    expect(statSync(cachePath).mtimeMs, 'a locked start does not overwrite the cache').toBe(written);

    const unlocked = await openTestCore(dataDir, { passphrase: 'a long passphrase' });
    expect((await unlocked.search({ text: 'supplier invoices' })).hits[0]?.title).toBe('Supplier checklist');
    // Another spelling of the same folder ("dir/", "dir/../dir"): one owner, one path.
    await unlocked.removeUserFolder({ path: `${folder}/../${folder.split('/').at(-1)}/` });
    unlocked.close();
    expect(existsSync(cachePath)).toBe(false);

    const reopened = await openTestCore(dataDir, { passphrase: 'a long passphrase' });
    expect(
      (await reopened.search({ text: 'supplier invoices', limit: 200 })).hits.filter((hit) => hit.folder !== null),
    ).toEqual([]);
    expect((await reopened.getLibraryInfo()).userFolders).toEqual([]);
    reopened.close();
  });
});
