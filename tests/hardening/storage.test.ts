import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import { openNotebookDatabase } from '../../electron/core/notes/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/notes/migrations.js';
import { Notebook } from '../../electron/core/notes/notebook.js';
import { restoringPath } from '../../electron/core/notes/backups.js';
import { notebookFileKind } from '../../electron/core/notes/cipher.js';
import { previousPath, writeConvertedCopy } from '../../electron/core/notes/encryption.js';
import { openTestCore } from '../helpers/core.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** Runs the storage worker and kills it with SIGKILL `afterMs` after it is ready. */
function killAfter(args: string[], afterMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/storageWorker.ts', ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!output) setTimeout(() => child.kill('SIGKILL'), afterMs);
      output += chunk.toString();
    });
    child.on('exit', () => resolve(output));
  });
}

/** A notebook of the first schema with enough notes that migrating it takes a while. */
function firstSchemaNotebook(path: string, notes: number, extra = ''): void {
  const db = new Database(path);
  db.exec(MIGRATIONS[0] as string);
  db.prepare("INSERT INTO cases (id, title, created_at, updated_at) VALUES (1, 'Old', 'x', 'x')").run();
  const insert = db.prepare("INSERT INTO notes (case_id, body, created_at, updated_at) VALUES (1, ?, 'x', 'x')");
  db.transaction(() => {
    for (let index = 0; index < notes; index++)
      insert.run(`旧笔记 ${index} 申诉信 账号关联 removal order ${'内容'.repeat(40)}${extra}`);
  })();
  db.pragma('user_version = 1');
  db.close();
}

describe('storage under failure', () => {
  it('a full disk fails the write with a clear message and keeps everything written before', async () => {
    const path = join(tempDir(), 'notebook.db');
    const notebook = new Notebook(await openNotebookDatabase(path), path);
    const record = notebook.createCase({ title: 'Before the disk filled' });
    notebook.saveNote({ caseId: record.id, body: 'kept' });
    const pages = notebook.db.pragma('page_count', { simple: true }) as number;
    notebook.db.pragma(`max_page_count = ${pages + 1}`);
    let error: unknown;
    try {
      notebook.saveNote({ caseId: record.id, body: '大'.repeat(200_000) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KbError);
    expect((error as KbError).message).toMatch(/disk .* is full; nothing was changed/);
    expect(notebook.getCase(record.id).notes.map((note) => note.body)).toEqual(['kept']);
    expect(notebook.db.pragma('integrity_check', { simple: true })).toBe('ok');
    notebook.close();
  });

  it('a truncated notebook is reported as damaged and left exactly as it was', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'notebook.db');
    firstSchemaNotebook(path, 2_000);
    const whole = readFileSync(path);
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    writeFileSync(path, truncated);
    const core = await openTestCore(dataDir);
    const error = await core.listCases().catch((caught: unknown) => caught);
    expect((error as KbError).code).toBe('CORRUPT_DATABASE');
    expect((error as KbError).message).toContain('It was left untouched');
    core.close();
    expect(readFileSync(path).equals(truncated)).toBe(true);
  });

  it('a data folder that cannot be created leaves the library usable and says what is wrong', async () => {
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, 'x');
    const core = await openTestCore(join(notAFolder, 'inside'));
    const error = await core.listCases().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KbError);
    expect((error as KbError).message).toMatch(/^Notebook: .*inside.*cannot be written \(ENOTDIR\)/);
    expect((await core.search({ text: 'ODR' })).hits.length).toBeGreaterThan(0);
    core.close();
  });

  it('a data folder the system will not let us write says so, and the library keeps working', async () => {
    // sysfs refuses new entries even to root, which a chmod'ed folder would not.
    const core = await openTestCore('/sys/seller-kb-read-only');
    const error = await core.createCase({ title: 'x' }).catch((caught: unknown) => caught);
    expect((error as KbError).code).toBe('STORAGE');
    expect((error as KbError).message).toMatch(
      /^Notebook: \/sys\/seller-kb-read-only\/notebook\.db cannot be written \((EPERM|EACCES|EROFS)\)/,
    );
    expect((await core.search({ text: '移除订单' })).hits.length).toBeGreaterThan(0);
    core.close();
  });

  it(
    'a kill during migration leaves the old or the new schema, intact, with every note',
    { timeout: 120_000 },
    async () => {
      for (const afterMs of [5, 40, 120, 300]) {
        const dir = tempDir();
        const path = join(dir, 'notebook.db');
        firstSchemaNotebook(path, 3_000);
        await killAfter(['migrate', path], afterMs);
        const db = new Database(path);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect([1, SCHEMA_VERSION]).toContain(db.pragma('user_version', { simple: true }));
        expect((db.prepare('SELECT COUNT(*) AS count FROM notes').get() as { count: number }).count).toBe(3_000);
        db.close();
        const notebook = new Notebook(await openNotebookDatabase(path), path);
        expect(notebook.searchNotes('笔记', 5).length).toBe(5);
        notebook.close();
      }
    },
  );

  it('a kill during backup never leaves a half-written file under a backup name', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, 'notebook.db');
    firstSchemaNotebook(path, 5_000);
    (await openNotebookDatabase(path)).close();
    for (const afterMs of [10, 60, 150, 400]) await killAfter(['backup', path, join(dir, `copy-${afterMs}`)], afterMs);
    const published = readdirSync(dir).filter((name) => name.startsWith('copy-') && name.endsWith('.db'));
    for (const name of published) {
      const copy = new Database(join(dir, name), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true }), name).toBe('ok');
      expect((copy.prepare('SELECT COUNT(*) AS count FROM notes').get() as { count: number }).count).toBe(5_000);
      copy.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it(
    'a kill at any moment of encrypting leaves one readable notebook with every note, and no plaintext once encrypted',
    { timeout: 120_000 },
    async () => {
      const passphrase = 'kill me gently 8+';
      const template = join(tempDir(), 'template.db');
      firstSchemaNotebook(template, 3_000, CANARY);
      (await openNotebookDatabase(template)).close();
      const outcomes = new Set<string>();
      for (const afterMs of [5, 60, 150, 250, 350, 450, 600, 900, 10_000]) {
        const dataDir = tempDir();
        const path = join(dataDir, 'notebook.db');
        copyFileSync(template, path);
        await killAfter(['encrypt', path, passphrase], afterMs);
        const kind = notebookFileKind(path);
        outcomes.add(kind);
        const core = await openTestCore(dataDir, { passphrase });
        expect(await core.getNotebookSecurity(), `killed after ${afterMs} ms`).toEqual({
          encrypted: kind === 'encrypted',
          locked: false,
        });
        expect((await core.searchNotes({ text: '旧笔记', limit: 5 })).length).toBe(5);
        expect((await core.checkNotebook()).ok).toBe(true);
        core.close();
        const db = kind === 'plain' ? new Database(path, { readonly: true }) : null;
        if (db) {
          expect((db.prepare('SELECT COUNT(*) AS count FROM notes').get() as { count: number }).count).toBe(3_000);
          db.close();
        }
        expect(
          readdirSync(dataDir).filter((name) => /\.(partial|previous\.bak)/.test(name)),
          `leftovers after ${afterMs} ms`,
        ).toEqual([]);
        if (kind === 'encrypted') expect(filesContaining(dataDir, CANARY), `plaintext after ${afterMs} ms`).toEqual([]);
      }
      expect([...outcomes].sort(), 'the kills fell both before and after the swap').toEqual(['encrypted', 'plain']);
    },
  );

  it('finishes or undoes an encryption a crash cut off between its two renames', async () => {
    for (const stage of ['before the copy took the name', 'after the copy took the name']) {
      const dataDir = tempDir();
      const path = join(dataDir, 'notebook.db');
      firstSchemaNotebook(path, 50, CANARY);
      (await openNotebookDatabase(path)).close();
      const partial = writeConvertedCopy(path, null, 'crash between renames');
      renameSync(path, previousPath(path));
      if (stage === 'after the copy took the name') renameSync(partial, path);
      const core = await openTestCore(dataDir, { passphrase: 'crash between renames' });
      expect(await core.getNotebookSecurity(), stage).toEqual({
        encrypted: stage === 'after the copy took the name',
        locked: false,
      });
      expect((await core.searchNotes({ text: '旧笔记', limit: 100 })).length, stage).toBe(50);
      core.close();
      expect(
        readdirSync(dataDir).filter((name) => /\.(partial|previous\.bak)/.test(name)),
        stage,
      ).toEqual([]);
      if (stage === 'after the copy took the name') expect(filesContaining(dataDir, CANARY)).toEqual([]);
    }
  });

  it('finishes a restore a crash cut off between its renames, and drops a half-copied one', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'notebook.db');
    const backup = join(tempDir(), 'backup.db');
    const core = await openTestCore(dataDir);
    const record = await core.createCase({ title: 'Restore me' });
    await core.saveNote({ caseId: record.id, body: '备份里的笔记' });
    await core.backupNotebook({ path: backup });
    await core.saveNote({ caseId: record.id, body: '备份之后的笔记' });
    core.close();

    // Crashed after the notebook moved aside, before the complete copy took its name.
    copyFileSync(backup, restoringPath(path));
    renameSync(path, `${path}.before-restore-crash`);
    const restored = await openTestCore(dataDir);
    expect(
      (await restored.searchNotes({ text: '笔记', limit: 10 })).map((hit) =>
        hit.snippet.map((part) => part.text).join(''),
      ),
    ).toEqual(['备份里的笔记']);
    restored.close();
    expect(existsSync(restoringPath(path))).toBe(false);

    // Crashed while copying: the notebook never moved, so the partial copy is dropped.
    writeFileSync(restoringPath(path), 'half a notebook');
    const untouched = await openTestCore(dataDir);
    expect((await untouched.checkNotebook()).ok).toBe(true);
    expect((await untouched.searchNotes({ text: '备份里的笔记', limit: 10 })).length).toBe(1);
    untouched.close();
    expect(existsSync(restoringPath(path))).toBe(false);
  });
});
