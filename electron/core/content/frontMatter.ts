import { parse as parseYaml } from 'yaml';
import { CATEGORIES, LANGS, MARKETPLACES, type Article, type ArticleSummary, type Marketplace, type SourceRef } from '../../common/index.js';

/** The validated front matter of one article: its summary fields plus related ids and sources. */
export type FrontMatter = Omit<ArticleSummary, 'path' | 'folder'> & Pick<Article, 'related' | 'sources'>;

/** A problem with one content file; the message names what is wrong. */
export class ContentError extends Error {
  override name = 'ContentError';
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH_OR_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Splits a Markdown file into its YAML front matter and body; throws ContentError when it has none. */
export function splitFrontMatter(text: string): { yaml: string; body: string } {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ''));
  if (!match) throw new ContentError('no front matter: the file must start with a "---" line and a closing "---"');
  return { yaml: match[1] ?? '', body: text.replace(/^\uFEFF/, '').slice(match[0].length) };
}

/** Parses and validates front matter; `defaults` fill fields a user's own notes may leave out. */
export function parseFrontMatter(yaml: string, defaults: Partial<FrontMatter> = {}): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 10 });
  } catch (error) {
    throw new ContentError(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError('front matter must be a YAML mapping of fields');
  }
  const fields = { ...defaults, ...(data as Record<string, unknown>) };
  return {
    id: pattern(fields, 'id', ID_PATTERN, 'lower-case letters, digits and "-"'),
    title: text(fields, 'title', 300),
    lang: oneOf(fields, 'lang', LANGS),
    category: oneOf(fields, 'category', CATEGORIES),
    tags: stringList(fields, 'tags', []),
    summary: text(fields, 'summary', 1000),
    updated: date(fields, 'updated', FULL_DATE),
    asOf: fields.asOf === undefined || fields.asOf === null ? null : date(fields, 'asOf', YEAR_MONTH_OR_DATE),
    marketplaces: stringList(fields, 'marketplaces', []).map((code) => marketplace(code)),
    translation: fields.translation == null ? null : pattern(fields, 'translation', ID_PATTERN, 'an article id'),
    related: stringList(fields, 'related', []),
    sources: sourceList(fields.sources),
  };
}

function text(fields: Record<string, unknown>, name: string, maxLength: number): string {
  const value = fields[name];
  if (value === undefined || value === null || value === '') throw new ContentError(`front matter lacks "${name}"`);
  if (typeof value !== 'string' && typeof value !== 'number') throw new ContentError(`front matter "${name}" must be text`);
  const result = String(value).trim();
  if (result.length > maxLength) throw new ContentError(`front matter "${name}" is longer than ${maxLength} characters`);
  return result;
}

function pattern(fields: Record<string, unknown>, name: string, regex: RegExp, expected: string): string {
  const value = text(fields, name, 120);
  if (!regex.test(value)) throw new ContentError(`front matter "${name}" is "${value}": expected ${expected}`);
  return value;
}

function oneOf<T extends string>(fields: Record<string, unknown>, name: string, allowed: readonly T[]): T {
  const value = text(fields, name, 40);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ContentError(`front matter "${name}" is "${value}": expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function date(fields: Record<string, unknown>, name: string, format: RegExp): string {
  const raw = fields[name];
  // YAML reads an unquoted 2026-11-22 as a Date.
  const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : text(fields, name, 10);
  if (!format.test(value)) throw new ContentError(`front matter "${name}" is "${value}": expected ${format === FULL_DATE ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD'}`);
  return value;
}

function stringList(fields: Record<string, unknown>, name: string, fallback: string[]): string[] {
  const value = fields[name];
  if (value === undefined || value === null) return fallback;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    throw new ContentError(`front matter "${name}" must be a list of text`);
  }
  return value.map((item) => String(item).trim()).filter(Boolean);
}

function marketplace(code: string): Marketplace {
  if (!(MARKETPLACES as readonly string[]).includes(code)) {
    throw new ContentError(`front matter "marketplaces" has "${code}": expected codes among ${MARKETPLACES.join(', ')}`);
  }
  return code as Marketplace;
}

const SOURCE_FIELDS = new Set(['title', 'publisher', 'date', 'url', 'helpId', 'supports', 'document']);
const URL_PATTERN = /^https?:\/\/[^\s<>"]+$/;
const HELP_ID = /^[A-Z0-9]{4,24}$/;
const DOCUMENT_NAME = /^[\w.-]{1,120}$/;

/** Validates the `sources` list: each entry { title, publisher, date?, url?, helpId?, supports?, document? }. */
function sourceList(value: unknown): SourceRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ContentError('front matter "sources" must be a list of { title, publisher, … }');
  return value.map((item: unknown, index) => {
    const where = `front matter "sources" item ${index + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new ContentError(`${where} must be a mapping with "title" and "publisher"`);
    const source = item as Record<string, unknown>;
    if ('seed' in source) throw new ContentError(`${where} uses "seed": the key is now "document" (provenance), next to "title" and "publisher"`);
    for (const key of Object.keys(source)) {
      if (!SOURCE_FIELDS.has(key)) throw new ContentError(`${where} has an unknown field "${key}": expected ${[...SOURCE_FIELDS].join(', ')}`);
    }
    const optional = (name: string, format: RegExp | null, expected: string): string | null => {
      const raw = source[name];
      if (raw === undefined || raw === null || raw === '') return null;
      const result = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : null;
      if (result === null || result.length > 1000) throw new ContentError(`${where} "${name}" must be text of at most 1000 characters`);
      if (format && !format.test(result)) throw new ContentError(`${where} "${name}" is "${result.slice(0, 80)}": expected ${expected}`);
      return result;
    };
    const required = (name: string): string => {
      const result = optional(name, null, '');
      if (result === null) throw new ContentError(`${where} lacks "${name}"`);
      if (result.length > 300) throw new ContentError(`${where} "${name}" is longer than 300 characters`);
      return result;
    };
    return {
      title: required('title'),
      publisher: required('publisher'),
      date: optional('date', YEAR_MONTH_OR_DATE, 'YYYY, YYYY-MM or YYYY-MM-DD'),
      url: optional('url', URL_PATTERN, 'an http(s) address'),
      helpId: optional('helpId', HELP_ID, 'an Amazon help id such as G200280650'),
      supports: optional('supports', null, ''),
      document: optional('document', DOCUMENT_NAME, 'a file name'),
    };
  });
}
