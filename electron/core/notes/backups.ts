import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { flushToDisk, notebookFileKind, openDatabase, snapshotDatabase, type Passphrase } from './cipher.js';
import { inspect, storageError, type Db } from './database.js';
import { requireSellerKbNotebook } from './identity.js';
import { makePrivate, makePrivateFolder } from '../files/privateFiles.js';

const AUTO_PREFIX = 'auto-';
export const AUTO_BACKUP_RETENTION = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The folder beside the notebook where backups go unless the user names a file. */
export function backupFolder(notebookPath: string): string {
  return join(notebookPath, '..', 'backups');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A backup's time comes from its name (the clock that named it), else from the file's mtime. */
function describe(path: string): BackupInfo {
  const stats = statSync(path);
  const named = /notebook-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/.exec(basename(path));
  const createdAt = named
    ? `${named[1]}-${named[2]}-${named[3]}T${named[4]}:${named[5]}:${named[6]}.000Z`
    : stats.mtime.toISOString();
  return { path, bytes: stats.size, createdAt, encrypted: notebookFileKind(path) === 'encrypted' };
}

/**
 * Copies the live database (consistent while others write; an encrypted one under its own key) to a
 * temporary name, checks it, and only then gives it its final name: a partial backup is never published.
 */
export async function backupDatabase(db: Db, target: string, passphrase: Passphrase = null): Promise<BackupInfo> {
  makePrivateFolder(join(target, '..'));
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await snapshotDatabase(db, partial, passphrase !== null);
    // An online backup inherits WAL mode; a rollback journal makes the backup one self-contained file.
    const copy = openDatabase(partial, passphrase);
    try {
      copy.pragma('journal_mode = DELETE');
      inspect(copy, partial);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
    throw error instanceof KbError ? error : storageError(target, error);
  }
  return describe(target);
}

/** A named backup in the backup folder. */
export function backupPath(notebookPath: string, now: Date, automatic = false): string {
  return join(backupFolder(notebookPath), `${automatic ? AUTO_PREFIX : ''}notebook-${stamp(now)}.db`);
}

/** Backups in the backup folder, newest first. */
export function listBackupFiles(notebookPath: string): BackupInfo[] {
  const folder = backupFolder(notebookPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.db'))
    .map((name) => describe(join(folder, name)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
}

/**
 * Makes the daily automatic backup unless one was made in the past day, and keeps only the newest few.
 * A backup dated after `now` (made while the clock was ahead) proves nothing about the past day, so
 * it neither stops a backup nor counts as newer than the ones made since: it is the first to go.
 */
export async function autoBackupIfDue(
  db: Db,
  notebookPath: string,
  now: Date,
  passphrase: Passphrase = null,
): Promise<BackupInfo | null> {
  const automatic = listBackupFiles(notebookPath).filter((backup) => basename(backup.path).startsWith(AUTO_PREFIX));
  const age = (backup: BackupInfo) => now.getTime() - Date.parse(backup.createdAt);
  if (automatic.some((backup) => age(backup) >= 0 && age(backup) < DAY_MS)) return null;
  const made = await backupDatabase(db, backupPath(notebookPath, now, true), passphrase);
  const byTrust = [...automatic.filter((backup) => age(backup) >= 0), ...automatic.filter((backup) => age(backup) < 0)];
  for (const old of [made, ...byTrust].slice(AUTO_BACKUP_RETENTION)) rmSync(old.path, { force: true });
  return made;
}

/** Checks that a file is a Seller KB notebook this version can open (an encrypted one with its passphrase), without changing it; returns its schema version. */
export function verifyBackupFile(path: string, passphrase: Passphrase = null): number {
  if (!existsSync(path))
    throw new KbError('NOT_FOUND', `Notebook: backup ${path} not found`, { what: 'backup', name: path });
  let db: Db;
  try {
    db = openDatabase(path, passphrase, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw error instanceof KbError ? error : storageError(path, error);
  }
  try {
    const version = inspect(db, path);
    requireSellerKbNotebook(db, path, version, false);
    return version;
  } finally {
    db.close();
  }
}

/**
 * Every copy of the notebook Seller KB keeps in its data folder: the backups, the file kept before
 * each restore and the one kept before each migration. Encryption converts them with the notebook.
 */
export function listNotebookCopies(notebookPath: string): string[] {
  const name = basename(notebookPath);
  const folder = dirname(notebookPath);
  const kept = readdirSync(folder)
    .filter(
      (file) =>
        file.startsWith(name) && /^\.(before-restore-\d{8}-\d{6}|schema-\d+\.bak)$/.test(file.slice(name.length)),
    )
    .map((file) => join(folder, file));
  return [...listBackupFiles(notebookPath).map((backup) => backup.path), ...kept];
}

/**
 * Replaces the notebook file with a backup; the previous file is kept beside it as
 * `<name>.before-restore-<time>`. The caller closes the database first and reopens it after.
 */
export function replaceWithBackup(notebookPath: string, backup: string, now: Date): string {
  const kept = `${notebookPath}.before-restore-${stamp(now)}`;
  // The whole copy is on disk under its own name before the notebook moves aside, so a crash
  // leaves either the old notebook in place or a complete copy that recoverInterruptedSwap puts there.
  const incoming = restoringPath(notebookPath);
  rmSync(incoming, { force: true });
  copyFileSync(backup, incoming);
  makePrivate(incoming); // A copy takes the mode of the file it was copied from.
  flushToDisk(incoming);
  if (existsSync(notebookPath)) renameSync(notebookPath, kept);
  // A WAL left by a notebook that could not be opened (locked or damaged) belongs to the kept file.
  if (existsSync(`${notebookPath}-wal`)) renameSync(`${notebookPath}-wal`, `${kept}-wal`);
  rmSync(`${notebookPath}-shm`, { force: true });
  renameSync(incoming, notebookPath);
  return kept;
}

/** Where a backup being restored waits, complete, until it takes the notebook's name. */
export function restoringPath(notebookPath: string): string {
  return `${notebookPath}.restoring`;
}
