import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { KbError } from '../../common/index.js';

/**
 * Checks on paths where they enter the core (and the CLI), by stat alone: a FIFO, a device or a
 * socket is refused before anything opens it, because opening or reading one can block the one
 * thread that answers every call (a FIFO with no writer) or never end (/dev/zero).
 */

/** What a path is, in words for an error message. */
export function describeKind(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The path's stats (a symbolic link followed), or a clear error: not found, a loop, unreadable. */
function statOf(path: string, what: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const dangling = isSymbolicLink(path) ? ' (a symbolic link to nothing)' : '';
      throw new KbError('NOT_FOUND', `${what}: ${path} not found${dangling}`);
    }
    if (code === 'ELOOP') throw new KbError('INVALID_INPUT', `${what}: ${path} is a loop of symbolic links`);
    throw new KbError('INVALID_INPUT', `${what}: ${path} cannot be read (${code})`);
  }
}

/** True when `path` itself is a symbolic link, whether or not it points anywhere. */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Throws unless `path` is a regular file (or a link to one): never opens it to find out.
 *
 * @example requireRegularFile('/tmp/pipe', 'Restore') // → KbError INVALID_INPUT "Restore: /tmp/pipe is a named pipe (FIFO), not a file"
 */
export function requireRegularFile(path: string, what: string): Stats {
  const stats = statOf(path, what);
  if (!stats.isFile()) throw new KbError('INVALID_INPUT', `${what}: ${path} is ${describeKind(stats)}, not a file`);
  return stats;
}

/** Throws unless `path` is a folder (or a link to one). */
export function requireDirectory(path: string, what: string): Stats {
  const stats = statOf(path, what);
  if (!stats.isDirectory())
    throw new KbError('INVALID_INPUT', `${what}: ${path} is ${describeKind(stats)}, not a folder`);
  return stats;
}

/** Throws when `path` exists and is not a regular file (a folder, a FIFO, a device): a file may be written there. */
export function requireWritableFileTarget(path: string, what: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (!stats.isFile())
    throw new KbError('INVALID_INPUT', `${what}: ${path} is ${describeKind(stats)}; give the path of a file`);
}

/** The bytes of `path` when it is a regular file; null when it is absent or anything else (never opened then). */
export function readIfRegularFile(path: string): Buffer | null {
  try {
    return statSync(path).isFile() ? readFileSync(path) : null;
  } catch {
    return null;
  }
}
