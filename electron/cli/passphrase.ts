import { readTextFile } from './files.js';
import { UsageError } from './usage.js';

/** The environment variable holding the notebook's passphrase. */
export const PASSPHRASE_ENV = 'SELLER_KB_PASSPHRASE';
/** The environment variable holding the new passphrase of `seller-kb passphrase`. */
export const NEW_PASSPHRASE_ENV = 'SELLER_KB_NEW_PASSPHRASE';

/**
 * A passphrase from a file (its text without the final line break) or else from an environment
 * variable, or null. Never from a command-line value: other users of the machine can read those in `ps`.
 */
export function readPassphrase(file: string | undefined, environment: string | undefined, flag: string): string | null {
  if (file !== undefined) {
    const text = readTextFile(file, flag).replace(/\r?\n$/, '');
    if (text === '') throw new UsageError(`${flag} ${file} is empty`);
    return text;
  }
  return environment === undefined || environment === '' ? null : environment;
}

/** A passphrase the command cannot do without, or a UsageError naming both ways to give it. */
export function requireGiven(passphrase: string | null, flag: string, variable: string, what: string): string {
  if (passphrase === null) throw new UsageError(`give ${what} in ${variable} or with ${flag} FILE`);
  return passphrase;
}
