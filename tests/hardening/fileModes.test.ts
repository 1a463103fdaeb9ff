import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'file modes passphrase';

function mode(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

/** Every file and folder under `dir` with its mode, e.g. { 'backups': '700', 'notebook.db': '600' }. */
function modesUnder(dir: string): Record<string, string> {
  const modes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) modes[name] = mode(join(dir, name));
  return modes;
}

describe.skipIf(process.platform === 'win32')('file modes of what holds the notebook (POSIX)', () => {
  let previousUmask = 0;
  // The usual umask, under which files are 0644 and folders 0755 unless the code asks for less.
  beforeAll(() => void (previousUmask = process.umask(0o022)));
  afterAll(() => void process.umask(previousUmask));

  it('creates the data folder 0700 and the notebook, its WAL, backups, restored and converted files 0600', async () => {
    const dataDir = join(tempDir(), 'Seller KB');
    const core = await openTestCore(dataDir);
    const record = await core.createCase({ title: 'Modes' });
    await core.saveNote({ caseId: record.id, body: 'in the WAL' });
    expect(existsSync(join(dataDir, 'notebook.db-wal'))).toBe(true);
    await core.backupNotebook({});
    const outside = await core.backupNotebook({ path: join(tempDir(), 'outside.db') });
    expect(mode(outside.path)).toBe('600');
    chmodSync(outside.path, 0o644); // A backup that went through a copy tool: the restored file must still be 0600.
    await core.restoreNotebook({ path: outside.path });
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    await core.saveNote({ caseId: record.id, body: 'after encrypting' });
    expect(mode(dataDir)).toBe('700');
    const modes = modesUnder(dataDir);
    expect(Object.keys(modes)).toEqual(
      expect.arrayContaining([
        'notebook.db',
        'notebook.db-wal',
        'notebook.db-shm',
        'backups',
        expect.stringMatching(/before-restore/),
      ]),
    );
    for (const [name, found] of Object.entries(modes))
      expect([name, found]).toEqual([name, name === 'backups' || name === 'cache' ? '700' : '600']);
    core.close();
  });

  it('tightens a notebook an older version left 0644 when it opens it', async () => {
    const dataDir = tempDir();
    (await openTestCore(dataDir)).close();
    chmodSync(join(dataDir, 'notebook.db'), 0o644);
    const core = await openTestCore(dataDir);
    await core.createCase({ title: 'Tightened' });
    expect(mode(join(dataDir, 'notebook.db'))).toBe('600');
    expect(mode(join(dataDir, 'notebook.db-wal'))).toBe('600');
    core.close();
  });

  it('writes seller-kb exports and backups 0600', async () => {
    const data = tempDir();
    await cli('case', 'new', '--title', 'Exported', '--data', data);
    const out = tempDir();
    expect((await cli('export', '--format', 'json', '--out', join(out, 'notebook.json'), '--data', data)).code).toBe(0);
    expect((await cli('export', '--format', 'md', '--out', join(out, 'markdown'), '--data', data)).code).toBe(0);
    expect((await cli('backup', '--out', join(out, 'backup.db'), '--data', data)).code).toBe(0);
    const modes = modesUnder(out);
    expect(Object.keys(modes).length).toBeGreaterThan(3);
    for (const [name, found] of Object.entries(modes))
      expect([name, found]).toEqual([name, statSync(join(out, name)).isDirectory() ? '700' : '600']);
  });
});
