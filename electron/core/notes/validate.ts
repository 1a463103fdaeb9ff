import {
  CASE_CAUSES,
  CASE_STATUSES,
  KbError,
  MARKETPLACES,
  NOTE_KINDS,
  type CaseInput,
  type NoteInput,
} from '../../common/index.js';

/** Limits that keep one note or case from stalling the app; generous for real letters. */
export const MAX_NOTE_CHARS = 1_000_000;
const MAX_TITLE_CHARS = 300;
const MAX_LIST_ITEMS = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ASIN = /^[A-Z0-9]{10}$/;

type Fields = Record<string, unknown>;

function fail(message: string): never {
  throw new KbError('INVALID_INPUT', `Notebook: ${message}`);
}

/** A positive integer id, or a clear error naming the field. */
export function requireId(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) fail(`"${name}" must be a positive whole number`);
  return value;
}

/** A whole number from `min` to `max` when given (absent: `fallback`), or a clear error naming the field. */
export function optionalWholeNumber(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(`"${name}" must be a whole number from ${min} to ${max}, not ${JSON.stringify(value) ?? String(value)}`);
  return value;
}

function optionalDate(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) fail(`"${name}" must be a date as YYYY-MM-DD`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(`"${name}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

function textList(value: unknown, name: string, check?: (item: string) => string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_LIST_ITEMS || !value.every((item) => typeof item === 'string')) {
    fail(`"${name}" must be a list of at most ${MAX_LIST_ITEMS} texts`);
  }
  const items = value.map((item: string) => item.trim()).filter(Boolean);
  return [...new Set(check ? items.map(check) : items)];
}

function title(value: unknown, name: string, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || (required && value.trim() === '')) fail(`"${name}" must be non-empty text`);
  if (value.length > MAX_TITLE_CHARS) fail(`"${name}" is longer than ${MAX_TITLE_CHARS} characters`);
  return value.trim();
}

function asin(item: string): string {
  const upper = item.toUpperCase();
  if (!ASIN.test(upper)) fail(`"${item}" is not an ASIN (10 letters and digits)`);
  return upper;
}

/** Validates the fields of a case; with `partial`, absent fields stay absent. */
export function validateCaseInput(input: unknown, partial: boolean): Partial<CaseInput> {
  if (!input || typeof input !== 'object') fail('a case must be an object of fields');
  const fields = input as Fields;
  const result: Partial<CaseInput> = {};
  if (!partial || fields.title !== undefined) result.title = title(fields.title, 'title', true);
  if (fields.marketplace !== undefined) result.marketplace = fields.marketplace === null ? null : oneOf(fields.marketplace, MARKETPLACES, 'marketplace');
  if (fields.cause !== undefined) result.cause = oneOf(fields.cause, CASE_CAUSES, 'cause');
  if (fields.status !== undefined) result.status = oneOf(fields.status, CASE_STATUSES, 'status');
  for (const name of ['noticeReceived', 'appealSent', 'nextFollowUp'] as const) {
    if (fields[name] !== undefined) result[name] = optionalDate(fields[name], name);
  }
  if (fields.asins !== undefined) result.asins = textList(fields.asins, 'asins', asin);
  if (fields.linkedArticles !== undefined) result.linkedArticles = textList(fields.linkedArticles, 'linkedArticles');
  return result;
}

/** Validates a note to save. */
export function validateNoteInput(input: unknown): NoteInput {
  if (!input || typeof input !== 'object') fail('a note must be an object of fields');
  const fields = input as Fields;
  if (typeof fields.body !== 'string') fail('"body" must be text');
  if (fields.body.length > MAX_NOTE_CHARS) fail(`the note is ${fields.body.length} characters; a note may hold at most ${MAX_NOTE_CHARS}. Split it into several notes.`);
  const note: NoteInput = {
    caseId: requireId(fields.caseId, 'caseId'),
    body: fields.body,
    title: title(fields.title, 'title', false),
    tags: textList(fields.tags, 'tags'),
    kind: fields.kind === undefined ? 'note' : oneOf(fields.kind, NOTE_KINDS, 'kind'),
  };
  if (fields.id !== undefined) note.id = requireId(fields.id, 'id');
  if (fields.baseRevision !== undefined) note.baseRevision = requireId(fields.baseRevision, 'baseRevision');
  return note;
}
