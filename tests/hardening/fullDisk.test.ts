import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbError } from '../../electron/common/index.js';
import { openNotebookDatabase, type Db } from '../../electron/core/notes/database.js';
import { Notebook } from '../../electron/core/notes/notebook.js';
import { allTransfers } from '../../electron/core/notes/caseTransfer.js';
import { NotebookFiles } from '../../electron/core/notes/notebookFiles.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'correct horse battery staple';

/** A small tmpfs, where a full disk is real; null where this process may not mount one (not root). */
function smallDisk(): { path: string; fill(): void; unmount(): void } | null {
  const path = mkdtempSync(join(tmpdir(), 'seller-kb-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', path], { stdio: 'ignore' });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return null;
  }
  return {
    path,
    fill() {
      try {
        for (let index = 0; ; index++) writeFileSync(join(path, `filler-${index}`), Buffer.alloc(4096));
      } catch {
        // ENOSPC: the disk is full.
      }
    },
    unmount() {
      // Lazy, so that a file a failed test left open cannot keep the mount behind.
      execFileSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

describe('encrypting on a full disk', () => {
  it('a checkpoint that fails for lack of space is reported as a full disk, not as another window', async () => {
    const path = join(tempDir(), 'notebook.db');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    // The WAL checkpoint is where a full disk first shows when the notebook is closed for conversion.
    const failingCheckpoint = (db: Db): Notebook => {
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: object) => {
        if (/wal_checkpoint/i.test(source)) throw full;
        return pragma(source, options);
      }) as Db['pragma'];
      return new Notebook(db, path);
    };
    const files = new NotebookFiles(path, () => new Date(), failingCheckpoint, allTransfers([]));
    await files.open();
    files.notebook().createCase({ title: 'Kept' });
    const error = (await files.encrypt(PASSPHRASE).catch((caught: unknown) => caught)) as KbError;
    expect(error.code).toBe('STORAGE');
    expect(error.message).toMatch(/disk holding .* is full; nothing was changed/);
    expect(
      files
        .notebook()
        .listCases()
        .map((record) => record.title),
    ).toEqual(['Kept']);
    expect(files.security().encrypted).toBe(false);
    files.close();
    const reopened = new Notebook(await openNotebookDatabase(path), path);
    expect(reopened.listCases()).toHaveLength(1);
    reopened.close();
  });

  it('on a real full disk (a full tmpfs, where mount is allowed) the notebook says disk full and stays plain and whole', async (context) => {
    const disk = smallDisk();
    if (!disk) return context.skip();
    let core: Core | null = null;
    try {
      const dataDir = join(disk.path, 'data');
      mkdirSync(dataDir);
      core = await openTestCore(dataDir);
      const record = await core.createCase({ title: 'Before the disk filled' });
      for (let index = 0; index < 40; index++)
        await core.saveNote({ caseId: record.id, body: `note ${index} ${'text '.repeat(1000)}` });
      disk.fill();
      const error = (await core
        .encryptNotebook({ passphrase: PASSPHRASE })
        .catch((caught: unknown) => caught)) as KbError;
      expect(error.code).toBe('STORAGE');
      expect(error.message).toMatch(/is full/);
      expect((await core.getNotebookSecurity()).encrypted).toBe(false);
      expect((await core.getCase({ id: record.id })).notes).toHaveLength(40);
      for (const name of readdirSync(disk.path).filter((entry) => entry.startsWith('filler-')))
        rmSync(join(disk.path, name));
      expect((await core.encryptNotebook({ passphrase: PASSPHRASE })).encrypted).toBe(true);
    } finally {
      core?.close();
      disk.unmount();
    }
  });
});
