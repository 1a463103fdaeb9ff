import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { copyDatabase, notebookFileKind } from '../../electron/core/notes/cipher.js';
import { MIGRATIONS } from '../../electron/core/notes/migrations.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'correct horse 电池 staple';
const NEXT_PASSPHRASE = 'a different passphrase 2';

/** A notebook whose case title and note hold the canary, encrypted with PASSPHRASE and closed. */
async function encryptedNotebook(): Promise<{ dataDir: string; caseId: number }> {
  const dataDir = tempDir();
  const core = await openTestCore(dataDir);
  const record = await core.createCase({ title: `Case ${CANARY}` });
  await core.saveNote({ caseId: record.id, body: `Note ${CANARY}` });
  await core.encryptNotebook({ passphrase: PASSPHRASE });
  core.close();
  return { dataDir, caseId: record.id };
}

async function noteBodies(core: Core, caseId: number): Promise<string[]> {
  return (await core.getCase({ id: caseId })).notes.map((note) => note.body);
}

describe('encryption of the notebook at rest', () => {
  it('leaves no plaintext in the notebook, its WAL or its backups, before or after encrypting', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-01T08:00:00Z');
    const core = await openTestCore(dataDir, { now: clock.now });
    const record = await core.createCase({ title: `Case ${CANARY}` });
    await core.saveNote({ caseId: record.id, body: `Note ${CANARY}` });
    const plainBackup = await core.backupNotebook({});
    clock.set('2026-11-02T08:00:00Z');
    // The control: a plain notebook shows the canary in its WAL and its backup, so the scan can fail.
    expect(filesContaining(dataDir, CANARY)).toEqual(
      expect.arrayContaining([join(dataDir, 'notebook.db-wal'), plainBackup.path]),
    );

    const change = await core.encryptNotebook({ passphrase: PASSPHRASE });
    expect(change).toMatchObject({
      encrypted: true,
      locked: false,
      convertedBackups: [plainBackup.path],
      skippedBackups: [],
    });
    await core.saveNote({ caseId: record.id, body: `Written after encrypting ${CANARY}` });
    await core.backupNotebook({});
    expect(statSync(join(dataDir, 'notebook.db-wal')).size, 'un-checkpointed writes wait in the WAL').toBeGreaterThan(
      0,
    );
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    expect((await core.listBackups()).map((backup) => backup.encrypted)).toEqual([true, true]);
    expect(notebookFileKind(join(dataDir, 'notebook.db'))).toBe('encrypted');
    expect(await noteBodies(core, record.id)).toHaveLength(2);
    core.close();
  });

  it('starts locked after a restart: notebook calls ask for the passphrase, the library keeps working', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    await first.addUserFolder({ path: join(APP_ROOT, 'tests/fixtures/userFolder') });
    await first.encryptNotebook({ passphrase: PASSPHRASE });
    first.close();

    const core = await openTestCore(dataDir);
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });
    const locked = await failure(core.listCases());
    expect(locked.code).toBe('PASSPHRASE_REQUIRED');
    expect(locked.message).toMatch(/notebook\.db is encrypted and locked; unlock it with its passphrase/);
    expect((await failure(core.addUserFolder({ path: join(APP_ROOT, 'tests/fixtures/userFolder') }))).code).toBe(
      'PASSPHRASE_REQUIRED',
    );
    expect((await core.search({ text: 'ODR' })).hits.length).toBeGreaterThan(0);
    expect((await core.checkNotebook()).message).toMatch(/locked/);
    expect((await core.getLibraryInfo()).userFolders).toEqual([]);

    expect(await core.unlockNotebook({ passphrase: PASSPHRASE })).toEqual({ encrypted: true, locked: false });
    expect(await core.listCases()).toEqual([]);
    expect((await core.getLibraryInfo()).userFolders.map((folder) => folder.articleCount)).toEqual([2]);
    expect(await core.checkNotebook()).toMatchObject({ ok: true, encrypted: true });
    core.close();
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and leaves every file byte-identical', async () => {
    const { dataDir } = await encryptedNotebook();
    const notebookPath = join(dataDir, 'notebook.db');
    const bytesBefore = readFileSync(notebookPath);
    const namesBefore = readdirSync(dataDir);
    const core = await openTestCore(dataDir);
    const wrong = await failure(core.unlockNotebook({ passphrase: 'not the passphrase' }));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/^Notebook: wrong passphrase for .*notebook\.db .*Nothing was changed\.$/);
    expect((await failure(core.unlockNotebook({ passphrase: '' }))).code).toBe('INVALID_INPUT');
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });
    expect((await failure(core.listCases())).code).toBe('PASSPHRASE_REQUIRED');
    core.close();
    expect(readFileSync(notebookPath).equals(bytesBefore)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(namesBefore);
  });

  it('opens at start with a given passphrase, and says so clearly when it is wrong', async () => {
    const { dataDir, caseId } = await encryptedNotebook();
    const unlocked = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    expect(await noteBodies(unlocked, caseId)).toEqual([`Note ${CANARY}`]);
    unlocked.close();
    const wrong = await openTestCore(dataDir, { passphrase: 'not the passphrase' });
    expect((await failure(wrong.listCases())).code).toBe('WRONG_PASSPHRASE');
    wrong.close();
  });

  it('changes the passphrase: the old one fails afterwards, the new one opens the notebook and its backups', async () => {
    const { dataDir, caseId } = await encryptedNotebook();
    const core = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    const backup = await core.backupNotebook({});
    expect(
      (await failure(core.changeNotebookPassphrase({ current: 'not the passphrase', next: NEXT_PASSPHRASE }))).code,
    ).toBe('WRONG_PASSPHRASE');
    expect((await failure(core.changeNotebookPassphrase({ current: PASSPHRASE, next: 'short' }))).message).toContain(
      'at least 8 characters',
    );
    const change = await core.changeNotebookPassphrase({ current: PASSPHRASE, next: NEXT_PASSPHRASE });
    expect(change).toMatchObject({ encrypted: true, locked: false, convertedBackups: [backup.path] });
    core.close();

    const reopened = await openTestCore(dataDir);
    expect((await failure(reopened.unlockNotebook({ passphrase: PASSPHRASE }))).code).toBe('WRONG_PASSPHRASE');
    await reopened.unlockNotebook({ passphrase: NEXT_PASSPHRASE });
    expect(await noteBodies(reopened, caseId)).toEqual([`Note ${CANARY}`]);
    expect(await reopened.checkNotebook({ path: backup.path })).toMatchObject({ ok: true, encrypted: true });
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    reopened.close();
  });

  it('decrypts back to a plain SQLite file, backups included, that opens without a passphrase', async () => {
    const { dataDir, caseId } = await encryptedNotebook();
    const core = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    await core.backupNotebook({});
    expect((await failure(core.decryptNotebook({ passphrase: 'not the passphrase' }))).code).toBe('WRONG_PASSPHRASE');
    const change = await core.decryptNotebook({ passphrase: PASSPHRASE });
    expect(change).toMatchObject({ encrypted: false, locked: false, skippedBackups: [] });
    expect(change.convertedBackups).toHaveLength(1);
    core.close();

    const db = new Database(join(dataDir, 'notebook.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual([`Note ${CANARY}`]);
    db.close();
    const reopened = await openTestCore(dataDir);
    expect(await reopened.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
    expect(await noteBodies(reopened, caseId)).toEqual([`Note ${CANARY}`]);
    expect((await reopened.listBackups()).map((backup) => backup.encrypted)).toEqual([false]);
    reopened.close();
  });

  it('backs up encrypted, checks the backup, and restores it, also into a locked notebook given its passphrase', async () => {
    const { dataDir, caseId } = await encryptedNotebook();
    const core = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    const outside = tempDir();
    const backup = await core.backupNotebook({ path: join(outside, 'copy.db') });
    expect(backup.encrypted).toBe(true);
    expect(filesContaining(outside, CANARY)).toEqual([]);
    expect(await core.checkNotebook({ path: backup.path })).toMatchObject({ ok: true, encrypted: true });
    expect((await failure(core.checkNotebook({ path: backup.path, passphrase: 'not the passphrase' }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await core.createCase({ title: 'After the backup' });
    await core.restoreNotebook({ path: backup.path });
    expect((await core.listCases()).map((record) => record.id)).toEqual([caseId]);
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: true, locked: false });
    core.close();

    const locked = await openTestCore(dataDir);
    expect((await failure(locked.restoreNotebook({ path: backup.path }))).code).toBe('PASSPHRASE_REQUIRED');
    expect((await failure(locked.restoreNotebook({ path: backup.path, passphrase: 'not the passphrase' }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    const restored = await locked.restoreNotebook({ path: backup.path, passphrase: PASSPHRASE });
    expect(restored.encrypted).toBe(true);
    expect(await noteBodies(locked, caseId)).toEqual([`Note ${CANARY}`]);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    locked.close();
  });

  it('keeps encryption on when a plain backup is restored into an encrypted notebook', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    const record = await core.createCase({ title: `Case ${CANARY}` });
    const plain = await core.backupNotebook({ path: join(tempDir(), 'plain.db') });
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    await core.restoreNotebook({ path: plain.path });
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: true, locked: false });
    expect((await core.listCases()).map((item) => item.id)).toEqual([record.id]);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    core.close();
  });

  it('encrypts the daily automatic backup', async () => {
    const { dataDir } = await encryptedNotebook();
    const core = await openTestCore(dataDir, { passphrase: PASSPHRASE, autoBackup: true });
    const [automatic] = await core.listBackups();
    expect(automatic).toMatchObject({ encrypted: true });
    expect(automatic?.path).toMatch(/auto-notebook-.*\.db$/);
    core.close();
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });

  it('encrypts the backup it makes before migrating an encrypted notebook of an older schema', async () => {
    const plain = join(tempDir(), 'first-schema.db');
    const db = new Database(plain);
    db.exec(MIGRATIONS[0] as string);
    db.prepare("INSERT INTO cases (id, title, created_at, updated_at) VALUES (1, ?, 'x', 'x')").run(`Old ${CANARY}`);
    db.pragma('user_version = 1');
    db.close();
    const dataDir = tempDir();
    copyDatabase(plain, null, join(dataDir, 'notebook.db'), PASSPHRASE);
    const core = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    expect((await core.listCases()).map((record) => record.title)).toEqual([`Old ${CANARY}`]);
    core.close();
    expect(notebookFileKind(join(dataDir, 'notebook.db.schema-1.bak'))).toBe('encrypted');
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });

  it('refuses a passphrase under 8 characters, a second encryption, and decrypting a plain notebook', async () => {
    const core = await openTestCore(tempDir());
    const short = await failure(core.encryptNotebook({ passphrase: '1234567' }));
    expect([short.code, short.message]).toEqual([
      'INVALID_INPUT',
      'Privacy: "passphrase" must be a passphrase of at least 8 characters',
    ]);
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
    expect((await failure(core.decryptNotebook({ passphrase: PASSPHRASE }))).code).toBe('CONFLICT');
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    expect((await failure(core.encryptNotebook({ passphrase: PASSPHRASE }))).code).toBe('CONFLICT');
    core.close();
  });

  it('refuses to convert while another connection has the notebook open, and changes nothing', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    await core.createCase({ title: 'Open twice' });
    const other = new Database(join(dataDir, 'notebook.db'));
    other.prepare('SELECT count(*) FROM cases').get();
    const busy = await failure(core.encryptNotebook({ passphrase: PASSPHRASE }));
    expect(busy.code).toBe('LOCKED');
    expect(busy.message).toContain('open in another Seller KB window or command');
    other.close();
    expect(await core.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
    expect(await core.listCases()).toHaveLength(1);
    core.close();
  });

  it('tells a damaged file from an encrypted one, and cannot tell random bytes from a wrong passphrase', async () => {
    const textDir = tempDir();
    const text = Buffer.from('this is not a notebook, just text '.repeat(256));
    writeFileSync(join(textDir, 'notebook.db'), text);
    const damaged = await openTestCore(textDir);
    expect(await damaged.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
    expect((await failure(damaged.listCases())).code).toBe('CORRUPT_DATABASE');
    damaged.close();
    expect(readFileSync(join(textDir, 'notebook.db')).equals(text)).toBe(true);

    const noiseDir = tempDir();
    writeFileSync(join(noiseDir, 'notebook.db'), randomBytes(8192));
    const noise = await openTestCore(noiseDir);
    expect(await noise.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });
    expect((await failure(noise.unlockNotebook({ passphrase: PASSPHRASE }))).message).toContain(
      'or the file is not a Seller KB notebook',
    );
    noise.close();
    expect(existsSync(join(noiseDir, 'notebook.db-wal'))).toBe(false);
  });
});
