import type { Contact, GlossaryTerm } from '../../common/index.js';
import { MARKETPLACES } from '../../common/index.js';
import { ContentError } from './frontMatter.js';

type Json = Record<string, unknown>;

/** Validates content/glossary.json: `{ terms: GlossaryTerm[] }`. */
export function parseGlossary(text: string): GlossaryTerm[] {
  const terms = listField(parseJson(text), 'terms');
  const ids = new Set<string>();
  return terms.map((raw, index) => {
    const where = `term ${index + 1}`;
    const id = requiredText(raw, 'id', where);
    if (ids.has(id)) throw new ContentError(`${where}: id "${id}" is used twice`);
    ids.add(id);
    const definition = (raw.definition ?? {}) as Json;
    const term: GlossaryTerm = {
      id,
      zh: textList(raw, 'zh', where),
      en: textList(raw, 'en', where),
      ja: raw.ja === undefined ? [] : textList(raw, 'ja', where),
      definition: { zh: requiredText(definition, 'zh', `${where} definition`), en: requiredText(definition, 'en', `${where} definition`) },
      article: typeof raw.article === 'string' ? raw.article : null,
    };
    if (term.zh.length === 0 || term.en.length === 0) throw new ContentError(`${where} ("${id}"): needs at least one zh and one en form`);
    return term;
  });
}

/** Validates content/contacts.json: `{ contacts: Contact[] }`. */
export function parseContacts(text: string): Contact[] {
  const contacts = listField(parseJson(text), 'contacts');
  const ids = new Set<string>();
  return contacts.map((raw, index) => {
    const where = `contact ${index + 1}`;
    const id = requiredText(raw, 'id', where);
    if (ids.has(id)) throw new ContentError(`${where}: id "${id}" is used twice`);
    ids.add(id);
    const email = requiredText(raw, 'email', where);
    if (!/^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(email)) throw new ContentError(`${where} ("${id}"): "${email}" is not an email address`);
    const marketplace = requiredText(raw, 'marketplace', where);
    if (marketplace !== 'ALL' && !(MARKETPLACES as readonly string[]).includes(marketplace)) {
      throw new ContentError(`${where} ("${id}"): marketplace "${marketplace}" is not one of ALL, ${MARKETPLACES.join(', ')}`);
    }
    const purpose = (raw.purpose ?? {}) as Json;
    if (typeof raw.reconstructed !== 'boolean') throw new ContentError(`${where} ("${id}"): "reconstructed" must be true or false`);
    const note = raw.note === undefined || raw.note === null ? null : (raw.note as Json);
    if (note !== null && (typeof note !== 'object' || Array.isArray(note))) throw new ContentError(`${where} ("${id}"): "note" must be { "zh": …, "en": … }`);
    return {
      id,
      email,
      team: requiredText(raw, 'team', where),
      marketplace: marketplace as Contact['marketplace'],
      purpose: { zh: requiredText(purpose, 'zh', `${where} purpose`), en: requiredText(purpose, 'en', `${where} purpose`) },
      reconstructed: raw.reconstructed,
      original: typeof raw.original === 'string' ? raw.original : null,
      note: note === null ? null : { zh: requiredText(note, 'zh', `${where} note`), en: requiredText(note, 'en', `${where} note`) },
      source: requiredText(raw, 'source', where),
      article: typeof raw.article === 'string' ? raw.article : null,
    };
  });
}

function parseJson(text: string): Json {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  } catch (error) {
    throw new ContentError(`not valid JSON: ${(error as Error).message}`);
  }
  throw new ContentError('must be a JSON object');
}

function listField(data: Json, name: string): Json[] {
  const value = data[name];
  if (!Array.isArray(value)) throw new ContentError(`"${name}" must be a list`);
  return value.map((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ContentError(`"${name}" item ${index + 1} must be an object`);
    return item as Json;
  });
}

function requiredText(data: Json, name: string, where: string): string {
  const value = data[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ContentError(`${where}: "${name}" must be non-empty text`);
  return value.trim();
}

function textList(data: Json, name: string, where: string): string[] {
  const value = data[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ContentError(`${where}: "${name}" must be a list of text`);
  return value.map((item: string) => item.trim()).filter(Boolean);
}
