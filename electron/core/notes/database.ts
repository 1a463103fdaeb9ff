import type Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { KbError } from '../../common/index.js';
import { openDatabase, snapshotDatabase, type Passphrase } from './cipher.js';
import { recordIdentity, requireOwnWal, requireSellerKbNotebook, touchIdentity } from './identity.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { makePrivate, makePrivateFolder, reservePrivateFile } from '../files/privateFiles.js';

export type Db = Database.Database;

/**
 * Opens (or creates) the notebook file, an encrypted one with its passphrase: checks its integrity
 * and schema version before anything writes to it, backs it up (under the same key) before
 * migrating, and never overwrites a file it cannot read.
 */
export async function openNotebookDatabase(path: string, passphrase: Passphrase = null): Promise<Db> {
  let db: Db;
  let existed: boolean;
  try {
    makePrivateFolder(dirname(path));
    existed = existsSync(path);
    for (const suffix of ['', '-wal', '-shm']) makePrivate(`${path}${suffix}`);
    if (existed) checkWalBeforeWriting(path, passphrase);
    else reservePrivateFile(path);
    db = openDatabase(path, passphrase, { timeout: 5000 });
  } catch (error) {
    throw error instanceof KbError ? error : storageError(path, error);
  }
  try {
    const version = inspect(db, path);
    requireSellerKbNotebook(db, path, version, true);
    recordIdentity(db, path);
    configure(db);
    if (existed && version > 0 && version < SCHEMA_VERSION)
      await backupBeforeMigration(db, path, version, passphrase !== null);
    migrate(db, version);
    recordIdentity(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof KbError ? error : storageError(path, error);
  }
}

/**
 * A WAL beside the notebook (left by a crash, by another window, or put there) is checked before
 * anything opens the file for writing: SQLite applies any valid WAL it finds, and closing a
 * writable connection checkpoints it into the file. So it is read first through a read-only
 * connection, which never checkpoints: it must be this notebook's own (see requireOwnWal), and the
 * notebook it shows must pass integrity_check. Otherwise both files are left untouched.
 */
function checkWalBeforeWriting(path: string, passphrase: Passphrase): void {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return;
  let db: Db;
  try {
    db = openDatabase(path, passphrase, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (error instanceof KbError) throw error;
    const code = (error as { code?: string })?.code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') requireOwnWal(null, path);
    throw storageError(path, error);
  }
  try {
    requireOwnWal(db, path);
    requireSellerKbNotebook(db, path, inspect(db, path), true);
  } finally {
    db.close();
  }
}

/** Reads the schema version and runs integrity_check; throws a clear error for a damaged or newer file. */
export function inspect(db: Db, path: string): number {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    const problems = db.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[];
    const failed = problems.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (failed.length > 0) throw new Error(failed.join('; '));
  } catch (error) {
    throw new KbError(
      'CORRUPT_DATABASE',
      `Notebook: ${path} is damaged (${(error as Error).message}). It was left untouched: restore a backup (seller-kb restore FILE) or move the file away to start a new notebook.`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new KbError(
      'SCHEMA_TOO_NEW',
      `Notebook: ${path} was written by a newer Seller KB (schema ${version}, this version reads up to ${SCHEMA_VERSION}). It was left untouched: update Seller KB to open it.`,
    );
  }
  return version;
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs every pending migration in one transaction: a crash leaves the old schema or the new one, never a mix. */
function migrate(db: Db, from: number): void {
  if (from >= SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = from; version < SCHEMA_VERSION; version++) {
      const migration = MIGRATIONS[version]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    touchIdentity(db);
  }).immediate();
}

/** A complete copy of the file as it was, beside it, before any migration touches it. */
async function backupBeforeMigration(db: Db, path: string, version: number, encrypted: boolean): Promise<void> {
  const target = `${path}.schema-${version}.bak`;
  rmSync(`${target}.partial`, { force: true });
  await snapshotDatabase(db, `${target}.partial`, encrypted);
  renameSync(`${target}.partial`, target);
}

export function storageError(path: string, error: unknown): KbError {
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new KbError(
      'CORRUPT_DATABASE',
      `Notebook: ${path} is not a readable notebook (${code}). It was left untouched: restore a backup or move the file away.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new KbError('LOCKED', `Notebook: ${path} is busy in another Seller KB window; try again.`);
  if (code === 'SQLITE_FULL')
    return new KbError(
      'STORAGE',
      `Notebook: the disk holding ${path} is full; nothing was changed. Free some space and try again.`,
    );
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EROFS' ||
    code === 'ENOTDIR' ||
    code === 'EEXIST' ||
    code === 'EPERM'
  ) {
    return new KbError('STORAGE', `Notebook: ${path} cannot be written (${code}); check the folder's permissions.`);
  }
  return new KbError('STORAGE', `Notebook: ${path}: ${(error as Error)?.message ?? String(error)}`);
}
