import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { KbError, preferencesFrom, type Preferences } from '../../common/index.js';

export const PREFERENCES_FILE = 'preferences.json';

/**
 * The preferences file of the data folder, written whole and atomically (a private temporary file,
 * flushed, then renamed over the old one), readable only by its owner. Read afresh at every call:
 * the desktop app and web mode may share the folder at once, and a change of one preference must
 * not put back another that the other one changed meanwhile.
 */
export class PreferencesFile {
  constructor(private readonly path: string) {}

  read(): Preferences {
    return preferencesFrom(readJson(this.path));
  }

  write(changes: Partial<Preferences>): Preferences {
    const next: Preferences = { ...this.read(), ...changes };
    const partial = `${this.path}.${process.pid}.partial`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const fd = openSync(partial, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(next, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(partial, 0o600);
      renameSync(partial, this.path);
    } catch (error) {
      rmSync(partial, { force: true });
      throw new KbError(
        'STORAGE',
        `Preferences: cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    return next;
  }
}

/** The file's JSON, or null when it is missing or unreadable (then every preference is its default). */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
