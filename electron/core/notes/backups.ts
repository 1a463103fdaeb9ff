import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { copyFileAtomically, inspect, storageError, type Db } from './database.js';

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
  const createdAt = named ? `${named[1]}-${named[2]}-${named[3]}T${named[4]}:${named[5]}:${named[6]}.000Z` : stats.mtime.toISOString();
  return { path, bytes: stats.size, createdAt };
}

/**
 * Copies the live database with SQLite's online backup (consistent while others write) to a
 * temporary name, checks it, and only then gives it its final name: a partial backup is never published.
 */
export async function backupDatabase(db: Db, target: string): Promise<BackupInfo> {
  mkdirSync(join(target, '..'), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    // The copy inherits WAL mode; switch it to a rollback journal so the backup is one self-contained file.
    const copy = new Database(partial);
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

/** Makes the daily automatic backup when the last one is a day old, and keeps only the newest few. */
export async function autoBackupIfDue(db: Db, notebookPath: string, now: Date): Promise<BackupInfo | null> {
  const automatic = listBackupFiles(notebookPath).filter((backup) => basename(backup.path).startsWith(AUTO_PREFIX));
  const latest = automatic[0];
  if (latest && now.getTime() - Date.parse(latest.createdAt) < DAY_MS) return null;
  const made = await backupDatabase(db, backupPath(notebookPath, now, true));
  for (const old of [made, ...automatic].slice(AUTO_BACKUP_RETENTION)) rmSync(old.path, { force: true });
  return made;
}

/** Checks that a file is a notebook this version can open, without changing it. */
export function verifyBackupFile(path: string): void {
  if (!existsSync(path)) throw new KbError('NOT_FOUND', `Notebook: backup ${path} not found`);
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw storageError(path, error);
  }
  try {
    inspect(db, path);
  } finally {
    db.close();
  }
}

/**
 * Replaces the notebook file with a backup; the previous file is kept beside it as
 * `<name>.before-restore-<time>`. The caller closes the database first and reopens it after.
 */
export function replaceWithBackup(notebookPath: string, backup: string, now: Date): string {
  const kept = `${notebookPath}.before-restore-${stamp(now)}`;
  if (existsSync(notebookPath)) renameSync(notebookPath, kept);
  for (const suffix of ['-wal', '-shm']) rmSync(`${notebookPath}${suffix}`, { force: true });
  copyFileAtomically(backup, notebookPath);
  return kept;
}
