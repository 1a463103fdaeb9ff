import type { CaseCause, Marketplace } from '../../common/index.js';
import { CASE_CAUSES, MARKETPLACES } from '../../common/index.js';

/** Where a query looks: everything, only the notebook's notes, or only the library's articles. */
export type SearchScope = 'all' | 'notes' | 'articles';

/** A query with its operators taken out. */
export interface ParsedQuery {
  /** What is left to search for, operators removed. */
  text: string;
  /** `"exact phrase"`: each must appear as written (case and width folded). */
  phrases: string[];
  /** `-word` or `-"some words"`: articles holding any of them are left out. */
  excluded: string[];
  scope: SearchScope;
  cause: CaseCause | null;
  marketplace: Marketplace | null;
  /** Operators that were not understood, quoted back so the user sees why they did nothing. */
  unknown: string[];
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu;
const SCOPES = new Map<string, SearchScope>([
  ['notes', 'notes'],
  ['note', 'notes'],
  ['articles', 'articles'],
  ['article', 'articles'],
  ['library', 'articles'],
]);

/**
 * Takes the operators out of a query: `"exact phrase"`, `-exclude`, `in:notes`, `in:articles`,
 * `cause:<id>`, `market:DE`. Anything else stays as text.
 *
 * @example parseOperators('removal "return address" -dispose market:DE')
 *   // → { text: 'removal', phrases: ['return address'], excluded: ['dispose'], marketplace: 'DE', … }
 */
export function parseOperators(query: string): ParsedQuery {
  const parsed: ParsedQuery = {
    text: '',
    phrases: [],
    excluded: [],
    scope: 'all',
    cause: null,
    marketplace: null,
    unknown: [],
  };
  const words: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [, minus, quoted, bare] = match;
    if (quoted !== undefined) {
      const phrase = quoted.trim();
      if (!phrase) continue;
      if (minus) parsed.excluded.push(phrase);
      else {
        parsed.phrases.push(phrase);
        words.push(phrase);
      }
      continue;
    }
    const word = bare!;
    const operator = /^(in|cause|market):(.+)$/i.exec(word);
    if (operator) {
      if (!applyOperator(parsed, operator[1]!.toLowerCase(), operator[2]!)) parsed.unknown.push(word);
    } else if (word.length > 1 && word.startsWith('-')) parsed.excluded.push(word.slice(1));
    else words.push(word);
  }
  parsed.text = words.join(' ');
  return parsed;
}

function applyOperator(parsed: ParsedQuery, name: string, value: string): boolean {
  if (name === 'in') {
    const scope = SCOPES.get(value.toLowerCase());
    if (scope) parsed.scope = scope;
    return Boolean(scope);
  }
  if (name === 'cause') {
    const cause = CASE_CAUSES.find((id) => id === value.toLowerCase());
    if (cause) parsed.cause = cause;
    return Boolean(cause);
  }
  const marketplace = MARKETPLACES.find((code) => code === value.toUpperCase());
  if (marketplace) parsed.marketplace = marketplace;
  return Boolean(marketplace);
}
