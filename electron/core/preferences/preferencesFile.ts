import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { KbError, preferencesFrom, type Preferences } from '../../common/index.js';

export const PREFERENCES_FILE = 'preferences.json';

/**
 * The preferences file of the data folder: read once, written whole and atomically (a private
 * temporary file, flushed, then renamed over the old one), readable only by its owner.
 */
export class PreferencesFile {
  private current: Preferences | null = null;

  constructor(private readonly path: string) {}

  read(): Preferences {
    this.current ??= preferencesFrom(readJson(this.path));
    return structuredClone(this.current);
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
      throw new KbError('STORAGE', `Preferences: cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    this.current = next;
    return structuredClone(next);
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
