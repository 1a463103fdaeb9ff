/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const GLOBAL_OPTIONS = `Options for every command:
  --data DIR              the notebook's folder (default: the desktop app's data folder)
  --json                  print JSON instead of text
  --passphrase-file FILE  the passphrase of an encrypted notebook, read from FILE
                          (or set SELLER_KB_PASSPHRASE; never give it as a plain argument)
  -h, --help              show help`;

/** A whole number within bounds, or a UsageError naming the flag. */
export function parseWholeNumber(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  // Digits only: Number() would also take "0x10", "1e3", " 5" and "".
  const number = /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} in decimal digits, not "${value}"`);
  return number;
}

/** One of the allowed values, or a UsageError naming the flag and the choices. */
export function parseChoice<T extends string>(
  value: string | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}
