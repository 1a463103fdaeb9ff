import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../electron/common/index.js';
import { PREFERENCES_FILE } from '../../electron/core/preferences/preferencesFile.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const arbitration = { id: 'arbitration-en', title: 'Arbitration', lang: 'en' as const };

describe('preferences in the data folder', () => {
  it('starts with the defaults and keeps a change across a restart, in a private file', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    expect(await first.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    const changed = await first.setPreferences({ uiLanguage: 'en', zoom: '125', bookmarks: [arbitration] });
    expect(changed).toMatchObject({ uiLanguage: 'en', zoom: '125', theme: 'system', bookmarks: [arbitration] });
    expect(await first.setPreferences({ theme: 'dark' })).toMatchObject({ uiLanguage: 'en', theme: 'dark' });
    first.close();

    const path = join(dataDir, PREFERENCES_FILE);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((name) => name.includes('partial'))).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ theme: 'dark' });

    const second = await openTestCore(dataDir);
    expect(await second.getPreferences()).toMatchObject({
      uiLanguage: 'en',
      theme: 'dark',
      zoom: '125',
      bookmarks: [arbitration],
      recent: [],
    });
    second.close();
  });

  it('refuses unknown names and wrong values, naming them, and changes nothing', async () => {
    const core = await openTestCore(tempDir());
    for (const [change, named] of [
      [{ colour: 'red' }, 'colour'],
      [{ zoom: '300' }, 'zoom'],
      [{ bookmarks: [{ id: 'x', title: 'X', lang: 'fr' }] }, 'bookmarks'],
      [{ recent: Array.from({ length: 9 }, () => arbitration) }, 'recent'],
      [null, 'object'],
    ] as const) {
      const error = await failure(core.setPreferences(change as never));
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect(error.message).toContain(named);
    }
    expect(await core.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    core.close();
  });

  it('replaces a damaged file or a wrong field by the defaults instead of failing', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, PREFERENCES_FILE), '{"theme":"dark","zoom":"7",');
    const damaged = await openTestCore(dataDir);
    expect(await damaged.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    damaged.close();
    writeFileSync(
      join(dataDir, PREFERENCES_FILE),
      JSON.stringify({ theme: 'dark', zoom: '7', __proto__: { polluted: true } }),
    );
    const partly = await openTestCore(dataDir);
    expect(await partly.getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    partly.close();
  });

  it('works while an encrypted notebook is locked', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    await core.encryptNotebook({ passphrase: 'preferences passphrase' });
    await core.lockNotebook();
    expect((await failure(core.listCases())).code).toBe('PASSPHRASE_REQUIRED');
    expect(await core.setPreferences({ uiLanguage: 'zh' })).toMatchObject({ uiLanguage: 'zh' });
    core.close();
    const reopened = await openTestCore(dataDir);
    expect(await reopened.getPreferences()).toMatchObject({ uiLanguage: 'zh' });
    reopened.close();
  });

  it('merges the changes of two cores sharing one data folder (desktop app and web mode at once)', async () => {
    const dataDir = tempDir();
    const desktop = await openTestCore(dataDir);
    const web = await openTestCore(dataDir);
    await desktop.setPreferences({ theme: 'dark' });
    await web.setPreferences({ zoom: '150' });
    expect(await desktop.getPreferences()).toMatchObject({ theme: 'dark', zoom: '150' });
    web.close();
    desktop.close();
  });
});
