import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, realpathSync } from 'node:fs';

/**
 * File modes for what holds the user's notebook: on POSIX the data folder is 0700 and every
 * notebook, WAL, backup, restored copy and export is 0600, whatever the umask. (Windows keeps
 * the per-user ACLs of the profile folder; modes mean nothing there.)
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const POSIX = process.platform !== 'win32';

/** Creates a folder, and any missing parent, readable only by the user; a folder that exists keeps its mode. */
export function makePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/** Makes an existing file readable and writable only by the user. */
export function makePrivate(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Creates `path` as an empty 0600 file unless it exists, so that what SQLite then writes there
 * (a database, a backup, VACUUM INTO's output) and the WAL and shared memory it makes beside it
 * (SQLite gives them the database file's mode) are private from the first byte.
 */
export function reservePrivateFile(path: string): void {
  if (existsSync(path)) return makePrivate(path);
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  makePrivate(path); // The umask may have taken bits away; never adds any we did not ask for.
}

/**
 * The file a path names, following a symbolic link: SQLite opens the link's target and keeps the
 * WAL beside it, so whatever replaces or converts the database must work on the target too.
 */
export function realFile(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}
