import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { requireDirectory, requireRegularFile, requireWritableFileTarget } from '../core/files/fileKinds.js';
import { makePrivate, makePrivateFolder, PRIVATE_FILE_MODE } from '../core/files/privateFiles.js';

/** The UTF-8 text of a file named on the command line; a folder, FIFO or device is refused before it is opened. */
export function readTextFile(path: string, what: string): string {
  const full = resolve(path);
  requireRegularFile(full, what);
  return readFileSync(full, 'utf8');
}

/**
 * Writes a file named on the command line (its folders made), refusing a path that is a folder, FIFO
 * or device. It may hold the notebook in plaintext (an export), so it is 0600, even over an older file.
 */
export function writeTextFile(path: string, content: string, what: string): void {
  requireWritableFileTarget(path, what);
  makePrivateFolder(dirname(path));
  requireDirectory(dirname(path), what);
  writeFileSync(path, content, { mode: PRIVATE_FILE_MODE });
  makePrivate(path);
}

/** A folder named on the command line to write into: absent (it is made) or a folder, never a file. */
export function requireOutputFolder(path: string, what: string): void {
  try {
    requireDirectory(path, what);
  } catch (error) {
    if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
  }
}
