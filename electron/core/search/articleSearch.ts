import MiniSearch, { type AsPlainObject, type Query, type SearchResult as MiniResult } from 'minisearch';
import type { ArticleHit, ArticleSummary, SearchQuery, SearchResult } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { GlossaryIndex } from './glossaryIndex.js';
import { planQuery, type QueryGroup } from './queryPlan.js';
import { buildSnippet } from './snippet.js';
import { indexTerms, normalizeText, splitRuns } from './tokenize.js';

/** What the index holds of an article. */
export interface SearchDocument {
  id: string;
  title: string;
  tags: string;
  summary: string;
  body: string;
}

/** What search needs to know of each indexed article besides its terms. */
export interface SearchCatalog {
  summaryOf(id: string): ArticleSummary | undefined;
  plainTextOf(id: string): string;
}

const FIELDS = ['title', 'tags', 'summary', 'body'];
const RAREST_BIGRAMS = 2;

type TermTree = { has(term: string): boolean; get(term: string): Map<number, Map<number, number>> | undefined };
const FIELD_BOOST = { title: 4, tags: 3, summary: 2, body: 1 };
const DEFAULT_LIMIT = 20;
const SNIPPETS_FROM_TEXT = 20;
const MAX_LIMIT = 200;
const MAX_QUERY_CHARS = 500;
const FEW_HITS = 5;
/** Suggestions may be further off than search matches: up to 30% of the word's letters. */
const SUGGEST_EDIT_RATIO = 0.3;
const WIDER_TYPOS_WEIGHT = 0.5;
const ANY_GROUP_WEIGHT = 0.3;
const PHRASE_BOOST = 1.5;
const PREFERRED_LANGUAGE_BOOST = 1.2;
const MAX_BOOST = PHRASE_BOOST * PREFERRED_LANGUAGE_BOOST;
/** Characters NFKC changes inside CJK runs: radicals, compatibility ideographs, half-width katakana. */
const COMPATIBILITY_FORMS = /[\u2E80-\u2FDF\uF900-\uFAFF\uFF66-\uFF9F]/;

const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => term,
  searchOptions: {
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    boost: FIELD_BOOST,
    weights: { fuzzy: 0.45, prefix: 0.375 },
  },
};

/** The article index: built at build time, serialized, and loaded at start-up. */
export class ArticleSearch {
  /** minisearch's term tree (term → field → document → frequency), read to tell misspellings and rare terms. */
  private readonly vocabulary: TermTree;

  private constructor(private readonly index: MiniSearch<SearchDocument>) {
    // Not public API in minisearch 7, but a plain SearchableMap; a search would score every match instead.
    this.vocabulary = (index as unknown as { _index: TermTree })._index;
  }

  /** In how many documents a term occurs (in its most frequent field). */
  private documentFrequency(term: string): number {
    let most = 0;
    for (const documents of this.vocabulary.get(term)?.values() ?? []) most = Math.max(most, documents.size);
    return most;
  }

  /**
   * A Chinese run of 3+ characters is checked against the text afterwards, so the index only needs
   * to narrow the candidates: its two rarest bigrams do that, without scoring the postings of common ones.
   */
  private rarestBigrams(groups: QueryGroup[]): QueryGroup[] {
    return groups.map((group) => {
      const [alternative] = group.alternatives;
      if (!group.mustContain || !alternative || alternative.terms.length <= RAREST_BIGRAMS) return group;
      const rarest = [...alternative.terms].sort((a, b) => this.documentFrequency(a.term) - this.documentFrequency(b.term)).slice(0, RAREST_BIGRAMS);
      return { ...group, alternatives: [{ ...alternative, terms: rarest }] };
    });
  }

  /** Builds an index over documents. */
  static build(documents: SearchDocument[]): ArticleSearch {
    const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    index.addAll(documents);
    return new ArticleSearch(index);
  }

  /** Loads an index serialized with toJSON(). */
  static load(serialized: AsPlainObject): ArticleSearch {
    return new ArticleSearch(MiniSearch.loadJS<SearchDocument>(serialized, MINISEARCH_OPTIONS));
  }

  toJSON(): AsPlainObject {
    return this.index.toJSON();
  }

  /** Adds or replaces documents (user folders that changed). */
  upsert(documents: SearchDocument[]): void {
    for (const document of documents) {
      if (this.index.has(document.id)) this.index.discard(document.id);
      this.index.add(document);
    }
  }

  /** Removes documents by id, ignoring ids that are not indexed. */
  remove(ids: string[]): void {
    for (const id of ids) if (this.index.has(id)) this.index.discard(id);
  }

  /**
   * Searches with escalating looseness: every group must match; then any group; then wider typos.
   *
   * @example search.run({ text: 'removel order', preferLang: 'en' }, glossary, catalog).hits[0]?.id
   */
  run(query: SearchQuery, glossary: GlossaryIndex, catalog: SearchCatalog): SearchResult {
    const text = validateQuery(query);
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const filter = (result: MiniResult) => matchesFilters(catalog.summaryOf(String(result.id)), query);
    const unknownWords = this.unknownWords(text);
    const groups = planQuery(text, glossary, { fuzzyLevel: 1, unknownWords });
    if (groups.length === 0) return { hits: [], didYouMean: null };
    const results = containing(this.index.search(toQuery(this.rarestBigrams(groups), 'AND'), { filter }), groups, catalog, limit);
    // Too few hits: widen step by step, each step's new hits ranked below the stricter ones.
    const wider = results.length < FEW_HITS ? planQuery(text, glossary, { fuzzyLevel: 2, unknownWords }) : null;
    // The wider plan differs only where a Latin word may take more edits; for Chinese it is the same query again.
    if (wider && !samePlan(groups, wider)) {
      appendNew(results, containing(this.index.search(toQuery(this.rarestBigrams(wider), 'AND'), { filter }), wider, catalog, limit), WIDER_TYPOS_WEIGHT);
    }
    if (results.length < FEW_HITS && groups.length > 1) appendNew(results, this.index.search(toQuery(groups, 'OR'), { filter }), ANY_GROUP_WEIGHT);
    const hits = rank(results, text, query, catalog, limit);
    return { hits, didYouMean: hits.length === 0 ? this.suggest(text) : null };
  }

  /** Latin words of 4+ letters that are not in the index as typed (one exact look-up each). */
  private unknownWords(text: string): Set<string> {
    const unknown = new Set<string>();
    for (const run of splitRuns(text)) {
      if (run.kind === 'latin' && run.text.length >= 4 && !this.vocabulary.has(run.text)) unknown.add(run.text);
    }
    return unknown;
  }

  /** A respelling of the query from the index's own vocabulary, or null. */
  private suggest(text: string): string | null {
    const runs = splitRuns(text);
    let changed = false;
    const words = runs.map((run) => {
      if (run.kind !== 'latin' || run.text.length < 3) return run.text;
      const [best] = this.index.search(run.text, { fuzzy: Math.max(1, Math.ceil(run.text.length * SUGGEST_EDIT_RATIO)), prefix: false });
      const term = best?.terms.sort((a, b) => a.length - b.length)[0];
      if (term && term !== run.text) changed = true;
      return term ?? run.text;
    });
    return changed ? words.join(' ') : null;
  }
}

function samePlan(a: QueryGroup[], b: QueryGroup[]): boolean {
  const fuzziness = (groups: QueryGroup[]) => groups.flatMap((group) => group.alternatives.flatMap((alternative) => alternative.terms.map((term) => term.fuzzy)));
  return fuzziness(a).join() === fuzziness(b).join();
}

/**
 * Keeps the results whose text holds every CJK run of the query as written, not just its bigrams.
 * Results come best first, so checking stops once `limit` are kept and no later result could
 * overtake the last of them through the ranking boosts: a common run is not checked in every article.
 */
function containing(results: MiniResult[], groups: QueryGroup[], catalog: SearchCatalog, limit: number): MiniResult[] {
  const runs = groups.map((group) => group.mustContain).filter((run): run is string => run !== null);
  if (runs.length === 0) return results;
  const kept: MiniResult[] = [];
  for (const result of results) {
    if (kept.length >= limit && result.score * MAX_BOOST < kept[limit - 1]!.score) break;
    const id = String(result.id);
    const summary = catalog.summaryOf(id);
    const fields = [summary?.title ?? '', summary?.summary ?? '', ...(summary?.tags ?? []), catalog.plainTextOf(id)];
    if (runs.every((run) => fields.some((field) => field.includes(run) || (COMPATIBILITY_FORMS.test(field) && normalizeText(field).includes(run))))) kept.push(result);
  }
  return kept;
}

/** Adds the results not yet present, their scores scaled below the stricter pass. */
function appendNew(results: MiniResult[], wider: MiniResult[], weight: number): void {
  const seen = new Set(results.map((result) => result.id));
  const ceiling = results.reduce((lowest, result) => Math.min(lowest, result.score), Infinity);
  for (const result of wider) {
    if (seen.has(result.id)) continue;
    results.push({ ...result, score: Math.min(result.score * weight, ceiling === Infinity ? Infinity : ceiling * 0.99) });
  }
}

function validateQuery(query: SearchQuery): string {
  if (typeof query?.text !== 'string') throw new KbError('INVALID_INPUT', 'Search: "text" must be a string');
  if (query.text.length > MAX_QUERY_CHARS) throw new KbError('INVALID_INPUT', `Search: the query is longer than ${MAX_QUERY_CHARS} characters`);
  return query.text;
}

function matchesFilters(summary: ArticleSummary | undefined, query: SearchQuery): boolean {
  if (!summary) return false;
  if (query.lang && summary.lang !== query.lang) return false;
  if (query.category && summary.category !== query.category) return false;
  if (query.marketplace && summary.marketplaces.length > 0 && !summary.marketplaces.includes(query.marketplace)) return false;
  return true;
}

function toQuery(groups: QueryGroup[], combineWith: 'AND' | 'OR'): Query {
  return {
    combineWith,
    queries: groups.map((group) => ({
      combineWith: 'OR',
      queries: group.alternatives.map((alternative) => ({
        combineWith: 'AND',
        boostTerm: () => alternative.weight,
        queries: alternative.terms.map((term) => ({ queries: [term.term], prefix: term.prefix, fuzzy: term.fuzzy })),
      })),
    })),
  };
}

/** Scores phrase matches and the preferred language up, then makes each preferred twin outrank its twin. */
const headlines = new WeakMap<ArticleSummary, string>();

/** Title, summary and tags, normalised once per article for the phrase check. */
function headlineOf(summary: ArticleSummary): string {
  let headline = headlines.get(summary);
  if (headline === undefined) {
    headline = normalizeText(`${summary.title} ${summary.summary} ${summary.tags.join(' ')}`);
    headlines.set(summary, headline);
  }
  return headline;
}

function rank(results: MiniResult[], text: string, query: SearchQuery, catalog: SearchCatalog, limit: number): ArticleHit[] {
  const phrase = normalizeText(text).trim();
  const scored: { summary: ArticleSummary; score: number; terms: string[] }[] = [];
  for (const result of results) {
    const summary = catalog.summaryOf(String(result.id));
    if (!summary) continue;
    let score = result.score;
    if (phrase.length >= 2 && headlineOf(summary).includes(phrase)) score *= PHRASE_BOOST;
    if (query.preferLang && summary.lang === query.preferLang) score *= PREFERRED_LANGUAGE_BOOST;
    scored.push({ summary, score, terms: result.terms });
  }
  if (query.preferLang) {
    const byId = new Map(scored.map((entry) => [entry.summary.id, entry]));
    for (const entry of scored) {
      const twin = entry.summary.translation ? byId.get(entry.summary.translation) : undefined;
      if (twin && entry.summary.lang === query.preferLang && twin.score >= entry.score) entry.score = twin.score * 1.001;
    }
  }
  // Cutting a snippet reads the whole article, so only the first page of hits gets one from the
  // text; hits further down (asked for by tools, not read by people) quote their summary.
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ summary, score, terms }, index) => ({
      ...summary,
      score: Math.round(score * 1000) / 1000,
      snippet: buildSnippet((index < SNIPPETS_FROM_TEXT && catalog.plainTextOf(summary.id)) || summary.summary, terms),
    }));
}
