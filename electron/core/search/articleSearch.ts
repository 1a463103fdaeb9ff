import type { ArticleHit, ArticleSummary, SearchQuery, SearchResult } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { GlossaryIndex } from './glossaryIndex.js';
import { planQuery, type QueryGroup } from './queryPlan.js';
import { mergeSegments, mergeSegmentsSteps, Segment, SegmentBuilder } from './segment.js';
import { IndexFileError, readSegment, writeSegment } from './segmentFile.js';
import { SegmentQuery, type CorpusStats } from './segmentQuery.js';
import { averageFieldLengths, termWeights, type WeightedField } from './termWeights.js';
import { runAtOnce, type Steps } from '../timeSlices.js';
import { buildSnippet, termFinder } from './snippet.js';
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

interface ArticleFacts {
  /** True when no field has a form NFKC would change, so a plain includes() is exact. */
  plain?: boolean;
  headline?: string;
}

/** A matching article and its score before the ranking boosts. */
interface Candidate {
  id: string;
  score: number;
}

/**
 * One pass over the index. Sorting thousands of matches for 20 hits is wasted work, so `head` holds,
 * best first, only the matches that can still reach the first `limit` after the ranking boosts;
 * `rest()` gives the others (sorted) when a check rejects too many of the head.
 */
interface Pass {
  head: Candidate[];
  rest(): Candidate[];
  /** The score of any article in this pass, 0 when it did not match. */
  scoreOf(id: string): number;
}

const FIELD_BOOST = { title: 4, tags: 3, summary: 2, body: 1 } as const;
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
/** More segments than this (user folders changing) are merged, which also drops replaced documents. */
const MAX_SEGMENTS = 6;
/** Characters NFKC changes inside CJK runs: radicals, compatibility ideographs, half-width katakana. */
const COMPATIBILITY_FORMS = /[\u2E80-\u2FDF\uF900-\uFAFF\uFF66-\uFF9F]/;

/**
 * The article index: built at build time, written as one binary segment, loaded at start-up.
 * Articles of user folders that change go into new small segments; the old copies are marked dead
 * and leave when segments are merged.
 */
export class ArticleSearch {
  private readonly locations = new Map<string, { segment: Segment; doc: number }>();
  /** What ranking reads of each article, worked out once (until the article changes). */
  private readonly facts = new Map<string, ArticleFacts>();
  private stats: CorpusStats | null = null;

  private constructor(private segments: Segment[]) {
    for (const segment of segments) this.locate(segment);
  }

  /** Builds an index over documents. */
  static build(documents: SearchDocument[]): ArticleSearch {
    return new ArticleSearch(documents.length > 0 ? [buildSegment(documents)] : []);
  }

  /** Loads an index written by serialize(). */
  static load(bytes: Uint8Array): ArticleSearch {
    return new ArticleSearch([loadSegment(bytes)]);
  }

  /** Adds the documents of an index written by serialize() that `keep` accepts; an id already indexed keeps its entry. */
  addSerialized(bytes: Uint8Array, keep: (id: string) => boolean = () => true): void {
    const segment = loadSegment(bytes);
    for (let doc = 0; doc < segment.docCount; doc++) {
      const id = segment.ids[doc]!;
      if (this.locations.has(id) || !keep(id)) segment.markDead(doc);
    }
    this.segments.push(segment);
    this.locate(segment);
    this.tidy();
  }

  /** The index (or the documents `keep` accepts) as one segment, without replaced or removed documents. */
  serialize(keep?: (id: string) => boolean): Uint8Array {
    const [only] = this.segments;
    const whole = !keep && this.segments.length === 1 && only!.liveCount === only!.docCount;
    return whole ? writeSegment(only!.parts()) : runAtOnce(this.serializeSteps(keep ?? (() => true)));
  }

  /** serialize as steps (see timeSlices): the index as it was at the first step. */
  *serializeSteps(keep: (id: string) => boolean): Steps<Uint8Array> {
    const sources = this.segments.map((segment) => ({ segment, alive: segment.alive.slice() }));
    const merged = yield* mergeSegmentsSteps(sources, keep);
    return writeSegment(merged.parts());
  }

  get documentCount(): number {
    return this.locations.size;
  }

  /**
   * Adds or replaces documents (user folders that changed), as steps, one per document (see
   * timeSlices): they only build; the index changes when the returned function is called, so
   * searches between the steps see it whole and unchanged.
   */
  *prepareUpsert(documents: SearchDocument[]): Steps<() => void> {
    if (documents.length === 0) return () => undefined;
    const segment = yield* buildSegmentSteps(documents);
    return () => {
      this.remove(documents.map((document) => document.id));
      this.segments.push(segment);
      this.locate(segment);
      this.tidy();
    };
  }

  /** Removes documents by id, ignoring ids that are not indexed. */
  remove(ids: string[]): void {
    for (const id of ids) {
      const location = this.locations.get(id);
      if (!location) continue;
      location.segment.markDead(location.doc);
      this.locations.delete(id);
      this.facts.delete(id);
    }
    this.stats = null;
    this.tidy();
  }

  /**
   * Searches with escalating looseness: every group must match; then wider typos; then any group.
   *
   * @example search.run({ text: 'removel order', preferLang: 'en' }, glossary, catalog).hits[0]?.id
   */
  run(query: SearchQuery, glossary: GlossaryIndex, catalog: SearchCatalog): SearchResult {
    const text = validateQuery(query);
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const filter = hasFilters(query) ? (id: string) => matchesFilters(catalog.summaryOf(id), query) : null;
    const unknownWords = this.unknownWords(text);
    const groups = planQuery(text, glossary, { fuzzyLevel: 1, unknownWords });
    if (groups.length === 0) return { hits: [], didYouMean: null };
    // One scorer per segment for the whole run: the passes share its term expansions.
    const scorers = new Map<Segment, SegmentQuery>();
    const pass = (planned: QueryGroup[], combineWith: 'AND' | 'OR') => this.match(planned, combineWith, { filter, limit, scorers });
    const strict = pass(groups, 'AND');
    const results = this.containing(strict, groups, catalog, limit);
    // Too few hits: widen step by step, each step's new hits ranked below the stricter ones.
    const wider = results.length < FEW_HITS ? planQuery(text, glossary, { fuzzyLevel: 2, unknownWords }) : null;
    // The wider plan differs only where a Latin word may take more edits; for Chinese it is the same query again.
    if (wider && !samePlan(groups, wider)) appendNew(results, this.containing(pass(wider, 'AND'), wider, catalog, limit), WIDER_TYPOS_WEIGHT);
    if (results.length < FEW_HITS && groups.length > 1) appendNew(results, pass(groups, 'OR').head, ANY_GROUP_WEIGHT);
    const runs = mustContain(groups);
    const twinScore = (id: string) => (this.holdsRuns(id, runs, catalog) ? strict.scoreOf(id) : 0);
    const hits = rank(results, { text, query, catalog, limit, terms: [...new Set([...scorers.values()].flatMap((scorer) => scorer.matchedTerms()))], twinScore, headlineOf: (summary) => this.headlineOf(summary) });
    return { hits, didYouMean: hits.length === 0 ? this.suggest(text) : null };
  }

  /** Scores every segment and collects the live matches that pass the filters. */
  private match(groups: QueryGroup[], combineWith: 'AND' | 'OR', options: { filter: ((id: string) => boolean) | null; limit: number; scorers: Map<Segment, SegmentQuery> }): Pass {
    const stats = this.corpusStats();
    const found: { segment: Segment; doc: number; score: number }[] = [];
    const scores = new Map<Segment, Float32Array>();
    for (const segment of this.segments) {
      let scorer = options.scorers.get(segment);
      if (!scorer) options.scorers.set(segment, (scorer = new SegmentQuery(segment, stats)));
      const segmentScores = scorer.score(groups, combineWith);
      scores.set(segment, segmentScores);
      const { alive, ids } = segment;
      for (let doc = 0; doc < segmentScores.length; doc++) {
        const score = segmentScores[doc]!;
        if (score > 0 && alive[doc] && (!options.filter || options.filter(ids[doc]!))) found.push({ segment, doc, score });
      }
    }
    const floor = found.length > options.limit * 4 ? scoreAt(found, options.limit) / MAX_BOOST : 0;
    const candidate = ({ segment, doc, score }: (typeof found)[number]): Candidate => ({ id: segment.ids[doc]!, score });
    return {
      head: found.filter((match) => match.score >= floor).map(candidate).sort(byScore),
      rest: () => found.filter((match) => match.score < floor).map(candidate).sort(byScore),
      scoreOf: (id) => {
        const location = this.locations.get(id);
        const score = location ? (scores.get(location.segment)?.[location.doc] ?? 0) : 0;
        return score > 0 && (!options.filter || options.filter(id)) ? score : 0;
      },
    };
  }

  /**
   * Keeps the matches whose text holds every CJK run of the query as written, not just its bigrams.
   * Checking goes best first and stops once `limit` are kept and no later match could overtake
   * the last of them through the ranking boosts: a common run is not checked in every article.
   */
  private containing(pass: Pass, groups: QueryGroup[], catalog: SearchCatalog, limit: number): Candidate[] {
    const runs = mustContain(groups);
    if (runs.length === 0) return pass.head;
    const kept: Candidate[] = [];
    const check = (ordered: Candidate[]) => {
      for (const candidate of ordered) {
        if (kept.length >= limit && candidate.score * MAX_BOOST < kept[limit - 1]!.score) return;
        if (this.holdsRuns(candidate.id, runs, catalog)) kept.push(candidate);
      }
    };
    check(pass.head);
    if (kept.length < limit) check(pass.rest());
    return kept;
  }

  private factsOf(id: string): ArticleFacts {
    let facts = this.facts.get(id);
    if (!facts) this.facts.set(id, (facts = {}));
    return facts;
  }

  /** Title, summary and tags, normalised, for the phrase check. */
  private headlineOf(summary: ArticleSummary): string {
    const facts = this.factsOf(summary.id);
    return (facts.headline ??= normalizeText(`${summary.title} ${summary.summary} ${summary.tags.join(' ')}`));
  }

  /** Does the article hold every run? Its text is normalised only when it has forms NFKC would change. */
  private holdsRuns(id: string, runs: string[], catalog: SearchCatalog): boolean {
    if (runs.length === 0) return true;
    const text = catalog.plainTextOf(id);
    const summary = catalog.summaryOf(id);
    const fields = [text, summary?.title ?? '', summary?.summary ?? '', ...(summary?.tags ?? [])];
    const facts = this.factsOf(id);
    const plain = (facts.plain ??= !fields.some((field) => COMPATIBILITY_FORMS.test(field)));
    return runs.every((run) => fields.some((field) => field.includes(run) || (!plain && normalizeText(field).includes(run))));
  }

  private corpusStats(): CorpusStats {
    if (this.stats) return this.stats;
    const documents = this.locations.size;
    const segments = this.segments;
    const documentFrequency = (term: string) => segments.reduce((total, segment) => total + segment.documentFrequency(segment.termNumber(term)), 0);
    this.stats = { documents, documentFrequency };
    return this.stats;
  }

  private locate(segment: Segment): void {
    for (let doc = 0; doc < segment.docCount; doc++) if (segment.alive[doc]) this.locations.set(segment.ids[doc]!, { segment, doc });
    this.stats = null;
  }

  /** Drops empty segments, rewrites mostly-dead ones, and merges the smallest while there are too many. */
  private tidy(): void {
    this.segments = this.segments.filter((segment) => segment.liveCount > 0);
    this.segments = this.segments.map((segment) => (segment.liveCount * 2 < segment.docCount ? this.replaced([segment]) : segment));
    while (this.segments.length > MAX_SEGMENTS) {
      const [smallest, next] = [...this.segments].sort((a, b) => a.liveCount - b.liveCount);
      this.segments = [...this.segments.filter((segment) => segment !== smallest && segment !== next), this.replaced([smallest!, next!])];
    }
  }

  private replaced(segments: Segment[]): Segment {
    const merged = mergeSegments(segments);
    this.locate(merged);
    return merged;
  }

  /** Latin words of 4+ letters that are not in the index as typed (one exact look-up each). */
  private unknownWords(text: string): Set<string> {
    const unknown = new Set<string>();
    for (const run of splitRuns(text)) {
      if (run.kind === 'latin' && run.text.length >= 4 && this.segments.every((segment) => !segment.latin.has(run.text))) unknown.add(run.text);
    }
    return unknown;
  }

  /** A respelling of the query from the index's own vocabulary (nearest, then most common), or null. */
  private suggest(text: string): string | null {
    let changed = false;
    const words = splitRuns(text).map((run) => {
      if (run.kind !== 'latin' || run.text.length < 3) return run.text;
      const stats = this.corpusStats();
      let best: { word: string; distance: number; frequency: number } | null = null;
      for (const segment of this.segments) {
        for (const [word, [, distance]] of segment.latin.fuzzyGet(run.text, Math.max(1, Math.ceil(run.text.length * SUGGEST_EDIT_RATIO)))) {
          const frequency = stats.documentFrequency(word);
          if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) best = { word, distance, frequency };
        }
      }
      if (best && best.word !== run.text) changed = true;
      return best?.word ?? run.text;
    });
    return changed ? words.join(' ') : null;
  }
}

function loadSegment(bytes: Uint8Array): Segment {
  try {
    return new Segment(readSegment(bytes));
  } catch (error) {
    if (error instanceof IndexFileError) throw new KbError('INVALID_INPUT', `Search: ${error.message}`);
    throw error;
  }
}

function buildSegment(batch: SearchDocument[]): Segment {
  return runAtOnce(buildSegmentSteps(batch));
}

function* buildSegmentSteps(batch: SearchDocument[]): Steps<Segment> {
  // The same id twice in one batch: the last copy wins, as it would in two batches.
  const documents = [...new Map(batch.map((document) => [document.id, document])).values()];
  const fields = Object.keys(FIELD_BOOST) as (keyof typeof FIELD_BOOST)[];
  const tokenized: WeightedField[][] = [];
  for (const document of documents) {
    yield;
    tokenized.push(fields.map((field) => ({ terms: indexTerms(document[field]), boost: FIELD_BOOST[field] })));
  }
  const averages = averageFieldLengths(tokenized);
  const builder = new SegmentBuilder();
  for (let index = 0; index < documents.length; index++) {
    yield;
    builder.addDocument(documents[index]!.id, termWeights(tokenized[index]!, averages));
  }
  return yield* builder.buildSteps();
}

function samePlan(a: QueryGroup[], b: QueryGroup[]): boolean {
  const fuzziness = (groups: QueryGroup[]) => groups.flatMap((group) => group.alternatives.flatMap((alternative) => alternative.terms.map((term) => term.fuzzy)));
  return fuzziness(a).join() === fuzziness(b).join();
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score;

/** The n-th best score (n ≤ matches). */
function scoreAt(matches: { score: number }[], n: number): number {
  const scores = Float32Array.from(matches, (match) => match.score).sort();
  return scores[scores.length - n]!;
}

function mustContain(groups: QueryGroup[]): string[] {
  return groups.map((group) => group.mustContain).filter((run): run is string => run !== null);
}

/** Adds the candidates not yet present, their scores scaled below the stricter pass. */
function appendNew(results: Candidate[], wider: Candidate[], weight: number): void {
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

function hasFilters(query: SearchQuery): boolean {
  return Boolean(query.lang || query.category || query.marketplace);
}

function matchesFilters(summary: ArticleSummary | undefined, query: SearchQuery): boolean {
  if (!summary) return false;
  if (query.lang && summary.lang !== query.lang) return false;
  if (query.category && summary.category !== query.category) return false;
  if (query.marketplace && summary.marketplaces.length > 0 && !summary.marketplaces.includes(query.marketplace)) return false;
  return true;
}

interface RankContext {
  text: string;
  query: SearchQuery;
  catalog: SearchCatalog;
  limit: number;
  /** Every index term the query matched, for highlighting. */
  terms: string[];
  /** A strict match's score for an article that may have been cut before ranking (a twin). */
  twinScore(id: string): number;
  headlineOf(summary: ArticleSummary): string;
}

/** Scores phrase matches and the preferred language up, then makes each preferred twin outrank its twin. */
function rank(results: Candidate[], context: RankContext): ArticleHit[] {
  const { text, query, catalog, limit } = context;
  const findTerms = termFinder(context.terms);
  const phrase = normalizeText(text).trim();
  const scored: { summary: ArticleSummary; score: number }[] = [];
  const boosted = (summary: ArticleSummary, score: number) => {
    let result = score;
    if (phrase.length >= 2 && context.headlineOf(summary).includes(phrase)) result *= PHRASE_BOOST;
    if (query.preferLang && summary.lang === query.preferLang) result *= PREFERRED_LANGUAGE_BOOST;
    return result;
  };
  for (const result of results) {
    const summary = catalog.summaryOf(result.id);
    if (summary) scored.push({ summary, score: boosted(summary, result.score) });
  }
  if (query.preferLang) {
    const byId = new Map(scored.map((entry) => [entry.summary.id, entry]));
    for (const entry of [...scored]) {
      const twinId = entry.summary.translation;
      if (!twinId || entry.summary.lang === query.preferLang || byId.has(twinId)) continue;
      // The preferred twin matched too but scored below the cut: bring it back to be lifted.
      const twin = catalog.summaryOf(twinId);
      const score = twin ? context.twinScore(twinId) : 0;
      if (twin && twin.lang === query.preferLang && score > 0) {
        const added = { summary: twin, score: boosted(twin, score) };
        scored.push(added);
        byId.set(twinId, added);
      }
    }
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
    .map(({ summary, score }, index) => ({
      ...summary,
      score: Math.round(score * 1000) / 1000,
      snippet: buildSnippet((index < SNIPPETS_FROM_TEXT && catalog.plainTextOf(summary.id)) || summary.summary, findTerms),
    }));
}
