import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadlineRule } from '../../common/index.js';
import { CASE_CAUSES, CASE_STATUSES, DEADLINE_EVENTS, KbError, MARKETPLACES } from '../../common/index.js';

export const DEADLINES_FILE = join('content', 'deadlines.json');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Fields = Record<string, unknown>;

/** The rules of content/deadlines.json under `appRoot`, validated. */
export function loadDeadlineRules(appRoot: string): DeadlineRule[] {
  const path = join(appRoot, DEADLINES_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KbError('INVALID_INPUT', `Deadlines: ${DEADLINES_FILE}: ${(error as Error).message}`);
  }
  return parseDeadlineRules(json, DEADLINES_FILE);
}

/**
 * Checks every field of every rule and returns them typed; the error names the file, the rule
 * and the field.
 *
 * @example parseDeadlineRules(JSON.parse(text), 'content/deadlines.json')
 */
export function parseDeadlineRules(json: unknown, where: string): DeadlineRule[] {
  const rules = (json as Fields | null)?.rules;
  if (!Array.isArray(rules)) throw new KbError('INVALID_INPUT', `Deadlines: ${where}: "rules" must be a list`);
  const seen = new Set<string>();
  return rules.map((rule: unknown, index) => {
    const parsed = parseRule(rule, (message) => {
      const id = typeof (rule as Fields | null)?.id === 'string' ? ` ("${(rule as Fields).id as string}")` : '';
      throw new KbError('INVALID_INPUT', `Deadlines: ${where}: rule ${index + 1}${id}: ${message}`);
    });
    if (seen.has(parsed.id))
      throw new KbError('INVALID_INPUT', `Deadlines: ${where}: rule ${index + 1}: the id "${parsed.id}" is used twice`);
    seen.add(parsed.id);
    return parsed;
  });
}

function parseRule(value: unknown, fail: (message: string) => never): DeadlineRule {
  if (!value || typeof value !== 'object') fail('must be an object');
  const fields = value as Fields;
  const text = (name: string, pattern?: RegExp): string => {
    const field = fields[name];
    if (typeof field !== 'string' || field.trim() === '' || (pattern && !pattern.test(field)))
      fail(`"${name}" must be ${pattern === DATE ? 'a date as YYYY-MM-DD' : 'non-empty text'}`);
    return field;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], field = fields[name]): T => {
    if (typeof field !== 'string' || !(allowed as readonly string[]).includes(field))
      fail(`"${name}" must be one of ${allowed.join(', ')}`);
    return field as T;
  };
  const list = <T extends string>(name: string, allowed: readonly T[]): (T | 'ALL')[] => {
    const field = fields[name];
    if (!Array.isArray(field) || field.length === 0) fail(`"${name}" must be a non-empty list`);
    return field.map((item: unknown) => oneOf(name, ['ALL', ...allowed] as const, item));
  };
  const title = fields.title as Fields | undefined;
  if (!title || typeof title.zh !== 'string' || typeof title.en !== 'string' || !title.zh || !title.en)
    fail('"title" must have zh and en text');
  const days = fields.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 3650)
    fail('"days" must be a whole number from 0 to 3650');
  const source = fields.source as Fields | undefined;
  if (
    !source ||
    typeof source.title !== 'string' ||
    typeof source.publisher !== 'string' ||
    typeof source.url !== 'string' ||
    !source.title ||
    !source.publisher
  )
    fail('"source" must have a title, a publisher and a url');
  if (!/^(?:https:\/\/\S+|article:[a-z0-9-]+)$/.test(source.url))
    fail('"source.url" must be an https address or article:<id>');
  const rule: DeadlineRule = {
    id: text('id', ID),
    title: { zh: title.zh, en: title.en },
    from: oneOf('from', DEADLINE_EVENTS),
    days,
    marketplaces: list('marketplaces', MARKETPLACES),
    causes: list('causes', CASE_CAUSES),
    articleId: text('articleId', ID),
    source: { title: source.title, publisher: source.publisher, url: source.url },
    asOf: text('asOf', DATE),
  };
  if (fields.stated !== undefined) rule.stated = oneOf('stated', ['days', 'hours', 'appeals'] as const);
  if (fields.status !== undefined) rule.status = oneOf('status', CASE_STATUSES);
  if (fields.since !== undefined) rule.since = text('since', DATE);
  return rule;
}
