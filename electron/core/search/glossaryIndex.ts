import type { GlossaryTerm } from '../../common/index.js';
import { pinyinForms } from './pinyin.js';
import { splitRuns } from './tokenize.js';

/** A glossary form in the canonical spelling used to find it inside a query. */
export interface GlossaryForm {
  canonical: string;
  termId: string;
}

/** The glossary prepared for query expansion: every form, longest first, and each term's forms. */
export interface GlossaryIndex {
  forms: GlossaryForm[];
  formsOf: Map<string, string[]>;
  /** The terms a whole canonical form belongs to (for pinyin typed in pieces, "feng hao" → fenghao). */
  termsOfForm: Map<string, string[]>;
}

/** Forms that find a term without being its expansions: pinyin, and colloquial words from content/synonyms.json. */
export interface SearchForms {
  termId: string;
  /** Found in queries and expanded to the term's forms. */
  forms: string[];
  /** Only found in queries (pinyin, initials): an article is never expected to contain them. */
  findOnly: string[];
}

/** Canonical spelling: the runs of the tokenizer joined by one space ("A-to-Z 索赔" → "a to z 索赔"). */
export function canonicalize(text: string): string {
  return splitRuns(text)
    .map((run) => run.text)
    .join(' ');
}

/**
 * The extra ways to find each glossary term and synonym set: a set's words are its forms, and every
 * Chinese form gets its pinyin and initials (worked out at build time; pinyin-pro is slow to load).
 */
export function buildSearchForms(terms: GlossaryTerm[], synonyms: { id: string; forms: string[] }[]): SearchForms[] {
  const sets = synonyms.map((set) => ({ termId: `synonyms:${set.id}`, zh: set.forms, forms: set.forms }));
  const glossary = terms.map((term) => ({ termId: term.id, zh: term.zh, forms: [] as string[] }));
  return [...glossary, ...sets].map(({ termId, zh, forms }) => ({
    termId,
    forms,
    findOnly: [...new Set(zh.flatMap(pinyinForms))],
  }));
}

/** Prepares glossary terms (and their search forms) for expansion; forms shared by two terms expand to both. */
export function buildGlossaryIndex(terms: GlossaryTerm[], searchForms: SearchForms[] = []): GlossaryIndex {
  const forms: GlossaryForm[] = [];
  const formsOf = new Map<string, string[]>();
  const termsOfForm = new Map<string, string[]>();
  const add = (termId: string, expansions: string[], findOnly: string[]) => {
    const canonicalForms = [...new Set(expansions.map(canonicalize).filter(Boolean))];
    formsOf.set(termId, [...new Set([...(formsOf.get(termId) ?? []), ...canonicalForms])]);
    for (const canonical of [...canonicalForms, ...findOnly.map(canonicalize).filter(Boolean)]) {
      forms.push({ canonical, termId });
      termsOfForm.set(canonical, [...(termsOfForm.get(canonical) ?? []), termId]);
    }
  };
  for (const term of terms) add(term.id, [...term.zh, ...term.en, ...term.ja], []);
  for (const extra of searchForms) add(extra.termId, extra.forms, extra.findOnly);
  forms.sort((a, b) => b.canonical.length - a.canonical.length);
  return { forms, formsOf, termsOfForm };
}
