import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbError, type NotebookStatus } from '../../electron/common/index.js';
import { MIGRATIONS } from '../../electron/core/notes/migrations.js';
import { cli } from '../helpers/cli.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** The bytes of each file, to show that a refusal changed none of them. */
function snapshot(paths: string[]): Buffer[] {
  return paths.map((path) => readFileSync(path));
}

/** A notebook with one case, closed (its WAL checkpointed away). */
async function notebookWithCase(title: string): Promise<string> {
  const dataDir = tempDir();
  const core = await openTestCore(dataDir);
  await core.createCase({ title });
  core.close();
  return dataDir;
}

/**
 * What a crash leaves: a copy of the notebook's files, WAL included, taken after a write while a
 * second connection kept the WAL from being checkpointed.
 */
async function crashLeftovers(dataDir: string): Promise<string> {
  const reader = new Database(join(dataDir, 'notebook.db'));
  reader.prepare('SELECT count(*) FROM cases').get();
  const core = await openTestCore(dataDir);
  await core.createCase({ title: 'Only in the WAL' });
  core.close();
  const crashed = tempDir();
  for (const name of ['notebook.db', 'notebook.db-wal', 'notebook.db.id'])
    if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(crashed, name));
  reader.close();
  return crashed;
}

/** The un-checkpointed WAL of another database, copied while its writer still has it open. */
function walOf(write: (db: Database.Database) => void, path: string): string {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  write(db);
  const copy = `${path}.copied-wal`;
  copyFileSync(`${path}-wal`, copy);
  db.close();
  return copy;
}

describe('a WAL that does not belong to the notebook', () => {
  it('refuses the WAL of another Seller KB notebook, leaves both files untouched, and check says why', async () => {
    const mine = await notebookWithCase('Mine');
    const otherDir = tempDir();
    const other = await openTestCore(otherDir);
    await other.createCase({ title: 'Theirs' });
    const foreignWal = join(tempDir(), 'foreign-wal');
    copyFileSync(join(otherDir, 'notebook.db-wal'), foreignWal);
    other.close();
    copyFileSync(foreignWal, join(mine, 'notebook.db-wal'));
    const files = [join(mine, 'notebook.db'), join(mine, 'notebook.db-wal')];
    const before = snapshot(files);

    const core = await openTestCore(mine);
    const refused = await failure(core.listCases());
    expect(refused.code).toBe('CORRUPT_DATABASE');
    expect(refused.message).toMatch(
      /write-ahead log .*notebook\.db-wal does not belong to .*notebook\.db.*move .*-wal away/,
    );
    const status = await core.checkNotebook();
    expect(status.ok).toBe(false);
    expect(status.message).toContain('does not belong to');
    core.close();
    const checked = await cli('check', '--data', mine);
    expect([checked.code, checked.out + checked.err]).toEqual([1, expect.stringContaining('does not belong to')]);
    expect(snapshot(files)).toEqual(before);
  });

  it('refuses the WAL of another application’s database beside the notebook', async () => {
    const mine = await notebookWithCase('Mine');
    const foreignWal = walOf(
      (db) => db.exec("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://example.com')"),
      join(tempDir(), 'places.sqlite'),
    );
    copyFileSync(foreignWal, join(mine, 'notebook.db-wal'));
    const before = snapshot([join(mine, 'notebook.db'), join(mine, 'notebook.db-wal')]);
    const core = await openTestCore(mine);
    expect((await failure(core.listCases())).message).toContain('does not belong to');
    core.close();
    expect(snapshot([join(mine, 'notebook.db'), join(mine, 'notebook.db-wal')])).toEqual(before);
  });

  it('opens the notebook with its own WAL, as a writer that stopped without closing leaves it', async () => {
    const crashed = await crashLeftovers(await notebookWithCase('Checkpointed'));
    expect(readFileSync(join(crashed, 'notebook.db-wal')).length).toBeGreaterThan(0);
    const core = await openTestCore(crashed);
    expect((await core.listCases()).map((item) => item.title).sort()).toEqual(['Checkpointed', 'Only in the WAL']);
    core.close();
  });
});

describe('a damaged notebook with a WAL beside it', () => {
  it('is refused before anything can checkpoint the WAL into it: both files stay byte-identical', async () => {
    const crashed = await crashLeftovers(await notebookWithCase('Damaged'));
    const path = join(crashed, 'notebook.db');
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096); // Every page but the first, where the schema lives, is overwritten.
    writeFileSync(path, bytes);
    const files = [path, `${path}-wal`];
    const before = snapshot(files);
    const core = await openTestCore(crashed);
    expect((await failure(core.listCases())).code).toBe('CORRUPT_DATABASE');
    core.close();
    expect(snapshot(files)).toEqual(before);
  });
});

describe('only a Seller KB notebook is healthy', () => {
  const strangers: [string, (dir: string) => string][] = [
    ['an empty file', (dir) => writeTo(join(dir, 'empty.db'), Buffer.alloc(0))],
    ['another application’s SQLite file', (dir) => otherAppDatabase(join(dir, 'other.db'))],
    [
      'a SQLite file with a schema version but no notebook tables',
      (dir) => otherAppDatabase(join(dir, 'versioned.db'), 3),
    ],
    ['a SQLite file of another application id', (dir) => otherAppDatabase(join(dir, 'marked.db'), 0, 0x4d4f5a31)],
  ];

  for (const [name, make] of strangers) {
    it(`check calls ${name} unhealthy, and restore refuses it, the notebook untouched`, async () => {
      const dataDir = await notebookWithCase('Keep me');
      const stranger = make(tempDir());
      const core = await openTestCore(dataDir);
      const status = await core.checkNotebook({ path: stranger });
      expect(status.ok).toBe(false);
      expect(status.message).toMatch(/is not a Seller KB notebook \(.+\)/);
      const refused = await failure(core.restoreNotebook({ path: stranger }));
      expect(refused.message).toContain('is not a Seller KB notebook');
      expect((await core.listCases()).map((record) => record.title)).toEqual(['Keep me']);
      core.close();
      expect(readdirSync(dataDir).filter((file) => file.includes('before-restore'))).toEqual([]);
    });
  }

  for (const device of ['/dev/null', '/dev/zero']) {
    it(`check calls ${device} unhealthy and restore refuses it`, async () => {
      if (!existsSync(device)) return;
      const dataDir = await notebookWithCase('Keep me');
      const core = await openTestCore(dataDir);
      // Unhealthy, or refused outright as no regular file (the path checks of issue 13's robustness items): never healthy.
      const status = await core.checkNotebook({ path: device }).catch((error: unknown) => error);
      expect(status instanceof KbError || (status as NotebookStatus).ok === false, JSON.stringify(status)).toBe(true);
      await failure(core.restoreNotebook({ path: device }));
      expect((await core.listCases()).map((record) => record.title)).toEqual(['Keep me']);
      core.close();
    });
  }

  it('opens no other application’s SQLite file as the notebook, and adds no table to it', async () => {
    const dataDir = tempDir();
    const path = otherAppDatabase(join(dataDir, 'notebook.db'));
    const before = readFileSync(path);
    const core = await openTestCore(dataDir);
    const refused = await failure(core.listCases());
    expect([refused.code, refused.message]).toEqual([
      'CORRUPT_DATABASE',
      expect.stringContaining('is not a Seller KB notebook'),
    ]);
    expect((await core.checkNotebook()).ok).toBe(false);
    core.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('calls a notebook made before the application id (schema 1) a Seller KB notebook', async () => {
    const path = join(tempDir(), 'first-schema.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0] as string);
    db.pragma('user_version = 1');
    db.close();
    const core = await openTestCore(tempDir());
    expect(await core.checkNotebook({ path })).toMatchObject({ ok: true, schemaVersion: 1 });
    core.close();
  });
});

describe('the daily automatic backup and a clock that was ahead', () => {
  it('does not take a backup dated in the future as a recent one, and drops it first', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2031-06-01T08:00:00Z');
    (await openTestCore(dataDir, { now: clock.now, autoBackup: true })).close();
    const automatic = () =>
      readdirSync(join(dataDir, 'backups'))
        .filter((name) => name.startsWith('auto-'))
        .sort();
    expect(automatic()).toEqual(['auto-notebook-20310601-080000.db']);
    for (let day = 1; day <= 8; day++) {
      clock.set(`2026-11-${String(day).padStart(2, '0')}T08:00:00Z`);
      (await openTestCore(dataDir, { now: clock.now, autoBackup: true })).close();
    }
    const kept = automatic();
    expect(kept).toHaveLength(7);
    expect(kept.at(-1)).toBe('auto-notebook-20261108-080000.db');
    expect(kept).not.toContain('auto-notebook-20310601-080000.db');
  });
});

function writeTo(path: string, bytes: Buffer): string {
  writeFileSync(path, bytes);
  return path;
}

function otherAppDatabase(path: string, version = 0, applicationId = 0): string {
  const db = new Database(path);
  db.exec("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://example.com')");
  if (version) db.pragma(`user_version = ${version}`);
  if (applicationId) db.pragma(`application_id = ${applicationId}`);
  db.close();
  return path;
}
