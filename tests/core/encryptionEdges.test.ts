import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookFileKind } from '../../electron/core/notes/cipher.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'restore passphrase 电池';
// "Crème brûlée 2026" typed two ways: precomposed letters (NFC) and letters + combining accents (NFD).
const COMPOSED = 'Cr\u00e8me br\u00fbl\u00e9e 2026';
const DECOMPOSED = COMPOSED.normalize('NFD');

describe('a restore never lowers protection', () => {
  it('refuses a plain backup into a locked encrypted notebook with PASSPHRASE_REQUIRED, changing nothing', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    await core.createCase({ title: `Case ${CANARY}` });
    const plain = await core.backupNotebook({ path: join(tempDir(), 'plain.db') });
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    core.close();
    const before = readFileSync(join(dataDir, 'notebook.db'));

    const locked = await openTestCore(dataDir);
    const refused = await failure(locked.restoreNotebook({ path: plain.path }));
    expect(refused.code).toBe('PASSPHRASE_REQUIRED');
    expect(refused.message).toMatch(
      /is encrypted and locked, and .*plain\.db is not encrypted; unlock the notebook first.*Nothing was changed/,
    );
    expect(readFileSync(join(dataDir, 'notebook.db')).equals(before)).toBe(true);
    expect(await locked.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });

    // Unlocked, the same backup is restored encrypted with the notebook's passphrase.
    await locked.unlockNotebook({ passphrase: PASSPHRASE });
    await locked.restoreNotebook({ path: plain.path });
    expect(await locked.getNotebookSecurity()).toEqual({ encrypted: true, locked: false });
    locked.close();
    expect(notebookFileKind(join(dataDir, 'notebook.db'))).toBe('encrypted');
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });
});

describe('encrypting a notebook whose notebook.db is a symbolic link', () => {
  it('encrypts the file the link points to and leaves no plaintext beside either', async () => {
    const dataDir = tempDir();
    const elsewhere = join(tempDir(), 'synced');
    mkdirSync(elsewhere);
    const first = await openTestCore(dataDir);
    const record = await first.createCase({ title: `Case ${CANARY}` });
    first.close();
    renameSync(join(dataDir, 'notebook.db'), join(elsewhere, 'real.db'));
    rmSync(join(dataDir, 'notebook.db.id'), { force: true });
    symlinkSync(join(elsewhere, 'real.db'), join(dataDir, 'notebook.db'));

    const core = await openTestCore(dataDir);
    expect((await core.listCases()).map((item) => item.id)).toEqual([record.id]);
    expect(filesContaining(elsewhere, CANARY), 'the control: the target holds the canary').not.toEqual([]);
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    await core.saveNote({ caseId: record.id, body: `Written after encrypting ${CANARY}` });
    expect(filesContaining(elsewhere, CANARY)).toEqual([]);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    core.close();
    expect(lstatSync(join(dataDir, 'notebook.db')).isSymbolicLink(), 'the link is kept').toBe(true);
    expect(notebookFileKind(join(elsewhere, 'real.db'))).toBe('encrypted');

    const reopened = await openTestCore(dataDir, { passphrase: PASSPHRASE });
    expect((await reopened.getCase({ id: record.id })).notes.map((note) => note.body)).toEqual([
      `Written after encrypting ${CANARY}`,
    ]);
    await reopened.decryptNotebook({ passphrase: PASSPHRASE });
    reopened.close();
    expect(notebookFileKind(join(elsewhere, 'real.db'))).toBe('plain');
  });
});

describe('passphrases are NFC-normalised before the key is derived', () => {
  it('opens a notebook encrypted with the NFD form of a passphrase when the NFC form is typed, and the other way round', async () => {
    expect(COMPOSED).not.toBe(DECOMPOSED);
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    await core.createCase({ title: 'Accents' });
    await core.encryptNotebook({ passphrase: DECOMPOSED });
    core.close();
    for (const typed of [COMPOSED, DECOMPOSED]) {
      const reopened = await openTestCore(dataDir);
      expect(await reopened.unlockNotebook({ passphrase: typed })).toEqual({ encrypted: true, locked: false });
      expect(await reopened.listCases()).toHaveLength(1);
      reopened.close();
    }
    // Eight characters typed as NFD are more code points, but still eight characters: too short, and counted so.
    const fresh = await openTestCore(tempDir());
    const nineCodePoints = 'caf\u00e9-\u00e9t\u00e9'.normalize('NFD').slice(0, 9); // "café-ét": 7 characters
    expect((await failure(fresh.encryptNotebook({ passphrase: nineCodePoints }))).message).toContain(
      'at least 8 characters',
    );
    fresh.close();
    const changer = await openTestCore(dataDir, { passphrase: COMPOSED });
    const same = await failure(changer.changeNotebookPassphrase({ current: DECOMPOSED, next: COMPOSED }));
    expect(same.message).toContain('is the current passphrase');
    changer.close();
  });

  it('still opens a notebook keyed, before the change, with the passphrase exactly as typed (NFD)', async () => {
    const dataDir = tempDir();
    const plain = await openTestCore(dataDir);
    await plain.createCase({ title: `Legacy ${CANARY}` });
    plain.close();
    // What the previous version did: the key derived from the UTF-8 bytes as typed, not normalised.
    const legacy = join(tempDir(), 'legacy.db');
    const keyed = new CipherDatabase(join(tempDir(), 'scratch.db'));
    keyed.pragma("cipher = 'sqlcipher'");
    keyed.pragma('legacy = 4');
    keyed.key(Buffer.from(DECOMPOSED, 'utf8'));
    keyed.prepare("ATTACH DATABASE ? AS source KEY ''").run(join(dataDir, 'notebook.db'));
    keyed.prepare('VACUUM source INTO ?').run(legacy);
    keyed.close();
    rmSync(join(dataDir, 'notebook.db'));
    renameSync(legacy, join(dataDir, 'notebook.db'));

    for (const typed of [DECOMPOSED, COMPOSED]) {
      const core = await openTestCore(dataDir);
      await core.unlockNotebook({ passphrase: typed });
      expect((await core.listCases()).map((record) => record.title)).toEqual([`Legacy ${CANARY}`]);
      core.close();
    }
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });
});
