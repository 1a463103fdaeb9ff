import { existsSync, renameSync, rmSync } from 'node:fs';
import type { SecurityChange } from '../../common/index.js';
import { listNotebookCopies, restoringPath, verifyBackupFile } from './backups.js';
import { copyDatabase, notebookFileKind, type Passphrase } from './cipher.js';
import { realFile } from '../files/privateFiles.js';

/** Where the replaced notebook waits while a converted copy takes its name. */
export function previousPath(path: string): string {
  return `${path}.previous.bak`;
}

/** Removes a database file with its WAL, shared-memory and rollback-journal files. */
function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Writes the database at `path` converted from `fromKey` to `toKey` (null: plain) as
 * `<path>.partial`, and checks that the copy opens with `toKey` and passes integrity_check.
 * Returns the copy's path; on any failure the copy is removed and `path` is untouched.
 */
export function writeConvertedCopy(path: string, fromKey: Passphrase, toKey: Passphrase): string {
  const partial = `${path}.partial`;
  removeDatabaseFiles(partial);
  try {
    copyDatabase(path, fromKey, partial, toKey);
    verifyBackupFile(partial, toKey);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
  return partial;
}

/**
 * Gives a checked converted copy the notebook's name. The previous file is renamed aside first and
 * deleted only once the copy is in place, so at every moment one of the two names holds a complete
 * notebook; after a crash, recoverInterruptedSwap finishes or undoes the swap.
 */
export function swapInConvertedCopy(path: string, partial: string): void {
  renameSync(path, previousPath(path));
  renameSync(partial, path);
  removeDatabaseFiles(previousPath(path));
}

/**
 * Cleans up after a conversion or a restore a crash interrupted: a previous file without a notebook
 * beside it is put back; beside a notebook it was already replaced (by a copy checked before the
 * swap) and is deleted, so no plaintext stays behind once encryption is on. A restored copy without
 * a notebook beside it was complete before the notebook moved aside, so it takes the name; beside a
 * notebook it may be half-written and is dropped, as is a half-written converted copy.
 */
export function recoverInterruptedSwap(path: string): void {
  const previous = previousPath(path);
  if (existsSync(previous)) {
    if (existsSync(path)) removeDatabaseFiles(previous);
    else renameSync(previous, path);
  }
  const restoring = restoringPath(path);
  if (existsSync(restoring)) {
    if (existsSync(path)) rmSync(restoring, { force: true });
    else renameSync(restoring, path);
  }
  removeDatabaseFiles(`${path}.partial`);
  rmSync(`${path}.partial.key`, { force: true });
}

/** Converts one copy of the notebook where it lies: its checked converted copy replaces it with one atomic rename. */
function convertCopyInPlace(path: string, fromKey: Passphrase, toKey: Passphrase): void {
  const file = realFile(path); // A copy that is a symbolic link: its target is what holds the data.
  renameSync(writeConvertedCopy(file, fromKey, toKey), file);
}

/**
 * Converts the copies Seller KB keeps in the data folder (backups, the files kept before restores
 * and migrations) from `fromKey` to `toKey`: none stays in plaintext once encryption is on, none keeps
 * an old passphrase once it changed, and all open without one once it is off. Encrypted copies stay
 * as they are when `fromKey` is null; a copy that cannot be read with `fromKey` (damaged, or
 * encrypted with another passphrase) is left as it is and reported.
 */
export function convertNotebookCopies(
  notebookPath: string,
  fromKey: Passphrase,
  toKey: Passphrase,
): Pick<SecurityChange, 'convertedBackups' | 'skippedBackups'> {
  const result: Pick<SecurityChange, 'convertedBackups' | 'skippedBackups'> = {
    convertedBackups: [],
    skippedBackups: [],
  };
  for (const path of listNotebookCopies(notebookPath)) {
    const kind = notebookFileKind(path);
    const sourceKey = kind === 'plain' ? null : fromKey;
    if (kind === 'new' || sourceKey === toKey || (kind === 'encrypted' && fromKey === null)) continue;
    try {
      convertCopyInPlace(path, sourceKey, toKey);
      result.convertedBackups.push(path);
    } catch (error) {
      result.skippedBackups.push({ path, message: (error as Error).message });
    }
  }
  return result;
}
