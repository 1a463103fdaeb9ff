import type { GlossaryTerm } from '../../common/index.js';
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
}

/** Canonical spelling: the runs of the tokenizer joined by one space ("A-to-Z 索赔" → "a to z 索赔"). */
export function canonicalize(text: string): string {
  return splitRuns(text)
    .map((run) => run.text)
    .join(' ');
}

/** Prepares glossary terms for expansion; forms shared by two terms expand to both. */
export function buildGlossaryIndex(terms: GlossaryTerm[]): GlossaryIndex {
  const forms: GlossaryForm[] = [];
  const formsOf = new Map<string, string[]>();
  for (const term of terms) {
    const canonicalForms = [...new Set([...term.zh, ...term.en, ...term.ja].map(canonicalize).filter(Boolean))];
    formsOf.set(term.id, canonicalForms);
    for (const canonical of canonicalForms) forms.push({ canonical, termId: term.id });
  }
  forms.sort((a, b) => b.canonical.length - a.canonical.length);
  return { forms, formsOf };
}
