import {
  CASE_CAUSES,
  CASE_STATUSES,
  KbError,
  MARKETPLACES,
  NOTE_KINDS,
  type CaseInput,
  type NoteInput,
} from '../../common/index.js';
import * as check from '../validation.js';

/** The notebook's rules for a case's and a note's fields, built on the shared checks of ../validation.ts. */

/** Limits that keep one note or case from stalling the app; generous for real letters. */
export const MAX_NOTE_CHARS = 1_000_000;
export const MAX_TITLE_CHARS = 300;
const MAX_LIST_ITEMS = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ASIN = /^[A-Z0-9]{10}$/;
/** The prefix of the notebook's argument errors. */
export const NOTEBOOK = 'Notebook: ';
const CASE_FIELDS = [
  'title',
  'marketplace',
  'cause',
  'status',
  'noticeReceived',
  'appealSent',
  'nextFollowUp',
  'asins',
  'linkedArticles',
] as const;
const NOTE_FIELDS = ['caseId', 'body', 'title', 'tags', 'kind', 'id', 'baseRevision'] as const;

function fail(message: string): never {
  throw new KbError('INVALID_INPUT', `${NOTEBOOK}${message}`);
}

/** A positive integer id, or a clear error naming the field. */
export function requireId(value: unknown, name: string): number {
  return check.requireId(value, name, NOTEBOOK);
}

/** The id of a request `{ id }` (a case, a note, an attachment). */
export function idOf(request: unknown): number {
  return requireId(check.argumentFields(request, NOTEBOOK, ['id']).id, 'id');
}

/** A whole number from `min` to `max` when given (absent: `fallback`), or a clear error naming the field. */
export function optionalWholeNumber(value: unknown, name: string, min: number, max: number, fallback: number): number {
  return check.optionalWholeNumber(value, name, NOTEBOOK, min, max, fallback);
}

function optionalDate(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
    fail(`"${name}" must be a date as YYYY-MM-DD, not ${check.shown(value)}`);
  return value;
}

function textList(value: unknown, name: string, checkItem?: (item: string) => string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_LIST_ITEMS || !value.every((item) => typeof item === 'string')) {
    fail(`"${name}" must be a list of at most ${MAX_LIST_ITEMS} texts`);
  }
  const items = value.map((item: string) => item.trim()).filter(Boolean);
  return [...new Set(checkItem ? items.map(checkItem) : items)];
}

function title(value: unknown, required: boolean): string {
  if (value === undefined && !required) return '';
  return (
    required
      ? check.requireText(value, 'title', NOTEBOOK, MAX_TITLE_CHARS)
      : check.requireString(value, 'title', NOTEBOOK, MAX_TITLE_CHARS)
  ).trim();
}

function asin(item: string): string {
  const upper = item.toUpperCase();
  if (!ASIN.test(upper)) fail(`"${check.shown(item)}" is not an ASIN (10 letters and digits)`);
  return upper;
}

/** Validates the fields of a case; with `partial`, absent fields stay absent. */
export function validateCaseInput(input: unknown, partial: boolean): Partial<CaseInput> {
  const fields = check.argumentFields(input, NOTEBOOK, CASE_FIELDS);
  const result: Partial<CaseInput> = {};
  if (!partial || fields.title !== undefined) result.title = title(fields.title, true);
  if (fields.marketplace !== undefined)
    result.marketplace =
      fields.marketplace === null
        ? null
        : check.requireOneOf(fields.marketplace, MARKETPLACES, 'marketplace', NOTEBOOK);
  if (fields.cause !== undefined) result.cause = check.requireOneOf(fields.cause, CASE_CAUSES, 'cause', NOTEBOOK);
  if (fields.status !== undefined) result.status = check.requireOneOf(fields.status, CASE_STATUSES, 'status', NOTEBOOK);
  for (const name of ['noticeReceived', 'appealSent', 'nextFollowUp'] as const) {
    if (fields[name] !== undefined) result[name] = optionalDate(fields[name], name);
  }
  if (fields.asins !== undefined) result.asins = textList(fields.asins, 'asins', asin);
  if (fields.linkedArticles !== undefined) result.linkedArticles = textList(fields.linkedArticles, 'linkedArticles');
  return result;
}

/** Validates a note to save. */
export function validateNoteInput(input: unknown): NoteInput {
  const fields = check.argumentFields(input, NOTEBOOK, NOTE_FIELDS);
  const body = check.requireString(fields.body, 'body', NOTEBOOK);
  if (body.length > MAX_NOTE_CHARS)
    fail(
      `the note ("body") is ${body.length} characters; a note may hold at most ${MAX_NOTE_CHARS}. Split it into several notes.`,
    );
  const note: NoteInput = {
    caseId: requireId(fields.caseId, 'caseId'),
    body,
    title: title(fields.title, false),
    tags: textList(fields.tags, 'tags'),
    kind: fields.kind === undefined ? 'note' : check.requireOneOf(fields.kind, NOTE_KINDS, 'kind', NOTEBOOK),
  };
  if (fields.id !== undefined) note.id = requireId(fields.id, 'id');
  if (fields.baseRevision !== undefined) note.baseRevision = requireId(fields.baseRevision, 'baseRevision');
  return note;
}
