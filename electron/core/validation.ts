import { isAbsolute } from 'node:path';
import { KbError } from '../common/index.js';

/**
 * The one set of generic argument checks every handler map uses where an argument enters the core.
 * Each names the argument in its error; `where` is the prefix written before it, verbatim
 * ("Notebook: ", "Plan of Action: ", or "" for none), so a message reads `Notebook: "id" must be …`.
 * Feature rules (a case's fields, a passphrase's length) build on these in their own modules.
 */

/** The argument's fields, in a null-prototype object: no inherited name ("constructor", "__proto__") is ever read as a field. */
export type Fields = Record<string, unknown>;

/** Ids, names and paths are short; longer text is refused before it is looked up or echoed in a message. */
export const MAX_NAME_CHARS = 4096;
/** How much of a wrong value an error message shows. */
const SHOWN_CHARS = 60;

function fail(where: string, message: string): never {
  throw new KbError('INVALID_INPUT', `${where}${message}`);
}

/** A wrong value, short enough for a message. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/**
 * The fields of a method's one argument: absent (undefined or null) reads as no fields, so the first
 * required field names itself; anything but a plain object is refused, naming the fields expected.
 */
export function argumentFields(value: unknown, where: string, names: readonly string[]): Fields {
  const fields = Object.create(null) as Fields;
  if (value === undefined || value === null) return fields;
  if (typeof value !== 'object' || Array.isArray(value))
    fail(
      where,
      `the argument must be an object with ${names.map((name) => `"${name}"`).join(', ')}, not ${shown(value)}`,
    );
  for (const [key, field] of Object.entries(value)) fields[key] = field;
  return fields;
}

/** A nested object field (such as "changes"), as null-prototype fields; absent is refused unless `optional`. */
export function requireObject(value: unknown, name: string, where: string, optional = false): Fields {
  if ((value === undefined || value === null) && optional) return Object.create(null) as Fields;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(where, `"${name}" must be an object of fields, not ${shown(value)}`);
  return argumentFields(value, where, [name]);
}

/** Non-empty text of at most `max` characters. */
export function requireText(value: unknown, name: string, where = '', max = MAX_NAME_CHARS): string {
  if (typeof value !== 'string' || value.trim() === '')
    fail(where, `"${name}" must be non-empty text, not ${shown(value)}`);
  if (value.length > max) fail(where, `"${name}" is ${value.length} characters; at most ${max} are allowed`);
  return value;
}

/** Any text (empty too) of at most `max` characters. */
export function requireString(value: unknown, name: string, where: string, max = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'string') fail(where, `"${name}" must be text`);
  if (value.length > max) fail(where, `"${name}" is longer than ${max} characters`);
  return value;
}

/** Text when given, else undefined (null counts as not given). */
export function optionalString(
  value: unknown,
  name: string,
  where: string,
  max = Number.MAX_SAFE_INTEGER,
): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, name, where, max);
}

/** A whole number from `min` to `max`. */
export function requireWholeNumber(value: unknown, name: string, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(where, `"${name}" must be a whole number from ${min} to ${max}, not ${shown(value)}`);
  return value;
}

/** A whole number from `min` to `max` when given (undefined or null: `fallback`). */
export function optionalWholeNumber(
  value: unknown,
  name: string,
  where: string,
  min: number,
  max: number,
  fallback: number,
): number {
  return value === undefined || value === null ? fallback : requireWholeNumber(value, name, where, min, max);
}

/** A positive whole number: the id of a row. */
export function requireId(value: unknown, name: string, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    fail(where, `"${name}" must be a positive whole number, not ${shown(value)}`);
  return value;
}

/** An id when given (undefined or null: null). */
export function optionalId(value: unknown, name: string, where: string): number | null {
  return value === undefined || value === null ? null : requireId(value, name, where);
}

export function requireBoolean(value: unknown, name: string, where: string): boolean {
  if (typeof value !== 'boolean') fail(where, `"${name}" must be true or false, not ${shown(value)}`);
  return value;
}

export function optionalBoolean(value: unknown, name: string, where: string, fallback: boolean): boolean {
  return value === undefined || value === null ? fallback : requireBoolean(value, name, where);
}

/** One of the `allowed` words. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string, where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(where, `"${name}" must be one of ${allowed.join(', ')}, not ${shown(value)}`);
  return value as T;
}

/** One of the `allowed` words when given (undefined or null: undefined). */
export function optionalOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  where: string,
): T | undefined {
  return value === undefined || value === null ? undefined : requireOneOf(value, allowed, name, where);
}

/** An absolute path, ending in `extension` when one is given (what it names is checked by whoever opens it). */
export function requireAbsolutePath(value: unknown, name: string, where: string, extension = ''): string {
  const endsRight = (path: string) => path.toLowerCase().endsWith(extension);
  if (typeof value !== 'string' || !isAbsolute(value) || value.length > MAX_NAME_CHARS || !endsRight(value)) {
    fail(where, `"${name}" must be an absolute path${extension ? ` ending in ${extension}` : ''}, not ${shown(value)}`);
  }
  return value;
}
