import type { ArticleHit, ArticleSummary, CaseCause, Lang, SearchQuery, SearchResult } from '../../common/index.js';
import { CATEGORIES, KbError, LANGS, MARKETPLACES } from '../../common/index.js';
import { argumentFields, optionalOneOf, optionalWholeNumber, requireString } from '../validation.js';
import { buildGlossaryIndex, type GlossaryIndex } from './glossaryIndex.js';
import { looksLikePinyin } from './pinyin.js';
import { planQuery, type QueryGroup } from './queryPlan.js';
import { parseOperators } from './queryOperators.js';
import { mergeSegments, Segment, SegmentBuilder, type SegmentParts } from './segment.js';
import { IndexFileError, readSegment, writeSegment } from './segmentFile.js';
import { QueryScorers, type CorpusStats } from './segmentQuery.js';
import { averageFieldLengths, TermWeigher, type WeightedField } from './termWeights.js';
import { buildSnippet, termFinder } from './snippet.js';
import { indexTerms, normalizeText, splitRuns } from './tokenize.js';

/** What the article index answers; the core adds notes and contacts. */
export type ArticleResult = Omit<SearchResult, 'notes' | 'contacts'>;

/** What the index holds of an article. */
/** A segment as the start-up cache keeps it: its file bytes, and a byte per document (1 while live). */
export interface StoredSegment {
  bytes: Uint8Array;
  alive: Uint8Array;
}

export interface SearchDocument {
  id: string;
  title: string;
  tags: string;
  summary: string;
  body: string;
  /** Pinyin of the title and tags (pinyinTerms), so "fenghao" and "ycdd" find Chinese titles. */
  pinyin?: string;
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
  /** The title normalised (the exact-title check). */
  title?: string;
  titleTerms?: Set<string>;
  /** The same terms as a list, for completions (a prefix term) without a copy per look. */
  titleTermList?: string[];
}

/** How a pass is run: which articles may come back, how many are wanted, the query's scorers, its boost bound. */
interface PassOptions {
  filter: ((id: string) => boolean) | null;
  limit: number;
  scorers: QueryScorers;
  boostLimit: number;
}

/** A match in one segment. */
interface Found {
  segment: Segment;
  doc: number;
  score: number;
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
  /** Every match, unsorted. */
  all(): Candidate[];
  /** The score of any article in this pass, 0 when it did not match. */
  scoreOf(id: string): number;
}

const FIELD_BOOST = { title: 4, tags: 3, summary: 2, body: 1, pinyin: 2 } as const;
const DEFAULT_LIMIT = 20;
const SNIPPETS_FROM_TEXT = 20;
const MAX_LIMIT = 200;
const MAX_QUERY_CHARS = 500;
const SEARCH = 'Search: ';
const FEW_HITS = 5;
/** From this many parts a query is ranked by coverage rather than matched with AND. */
const QUESTION_PARTS = 3;
const NO_GLOSSARY = buildGlossaryIndex([]);
/** Suggestions may be further off than search matches: up to 30% of the word's letters. */
const SUGGEST_EDIT_RATIO = 0.3;
const WIDER_TYPOS_WEIGHT = 0.5;
const ANY_GROUP_WEIGHT = 0.3;
const PHRASE_BOOST = 1.5;
/** A title that is the query, word for word, beats any article that merely uses its words. */
const EXACT_TITLE_BOOST = 2;
/** A title holding every part of a several-part query scores up to this much more (the parts it holds, squared). */
const TITLE_COVERAGE_BOOST = 0.6;
const PREFERRED_LANGUAGE_BOOST = 1.2;
const MAX_BOOST = PHRASE_BOOST * EXACT_TITLE_BOOST * (1 + TITLE_COVERAGE_BOOST) * PREFERRED_LANGUAGE_BOOST;
/** A bound times this is never below the score it bounds, however the boosts' products round. */
const ROUNDING_SLACK = 1 + 1e-9;
/** More segments than this (user folders changing) are merged, which also drops replaced documents. */
const MAX_SEGMENTS = 10;
/** A compaction never makes a segment larger (about 20 ms to load; see folderLoader's SEGMENT_DOCUMENTS). */
const MAX_MERGED_DOCUMENTS = 4_000;
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

  /**
   * Adds the live documents of stored segments that `keep` accepts; an id already indexed keeps its
   * entry. All are read before any is added, so a damaged one throws with nothing changed.
   */
  addSerialized(stored: StoredSegment[], keep: (id: string) => boolean = () => true): void {
    const segments = stored.map(({ bytes }) => loadSegment(bytes));
    segments.forEach((segment, index) => {
      const { alive } = stored[index]!;
      for (let doc = 0; doc < segment.docCount; doc++) {
        const id = segment.ids[doc]!;
        if (!alive[doc] || this.locations.has(id) || !keep(id)) segment.markDead(doc);
      }
      this.segments.push(segment);
      this.locate(segment);
    });
    this.tidy();
  }

  /** The live documents `keep` accepts, as segments to store (the start-up cache): bytes as they are, dead ones marked. */
  stored(keep: (id: string) => boolean): StoredSegment[] {
    return this.segments
      .map((segment) => ({ segment, alive: this.aliveWhere(segment, keep) }))
      .filter(({ alive }) => alive.includes(1))
      .map(({ segment, alive }) => ({ bytes: segment.bytes ?? writeSegment(segment.parts()), alive }));
  }

  /** The index as one segment, without replaced or removed documents (the prebuilt library's). */
  serialize(): Uint8Array {
    const [only] = this.segments;
    const whole = this.segments.length === 1 && only!.liveCount === only!.docCount;
    return writeSegment(whole ? only!.parts() : mergeSegments(this.segments).parts());
  }

  get documentCount(): number {
    return this.locations.size;
  }

  /** Adds or replaces documents, building their segment on this thread (the build script, tests). */
  upsert(documents: SearchDocument[]): void {
    if (documents.length > 0) this.addSegments([buildSegment(documents)]);
  }

  /**
   * Adds segments built elsewhere (a worker thread): their documents replace any indexed under the
   * same ids, all in one step, so a search sees the index before or after, never between.
   */
  addSegments(segments: Segment[]): void {
    for (const segment of segments) {
      // Only its live documents replace others: a document marked dead in it (a duplicate id) does not.
      this.remove(segment.ids.filter((_, doc) => segment.alive[doc]));
      this.segments.push(segment);
      this.locate(segment);
    }
    this.tidy();
  }

  /**
   * Segments worth rewriting: one mostly dead, or the smallest two while there are too many. The
   * merge can run elsewhere (a worker thread): see replaceSegments.
   */
  compactionPlan(): Segment[] | null {
    const mostlyDead = this.segments.find((segment) => segment.liveCount * 2 < segment.docCount);
    if (mostlyDead) return [mostlyDead];
    if (this.segments.length <= MAX_SEGMENTS) return null;
    const [smallest, next] = [...this.segments].sort((a, b) => a.liveCount - b.liveCount);
    // Segments past this size stay apart: loading a bigger one would hold the core's thread too long.
    return smallest!.liveCount + next!.liveCount <= MAX_MERGED_DOCUMENTS ? [smallest!, next!] : null;
  }

  /**
   * Puts `merged` (the live documents of `replaced` when the plan was made) in their place. Documents
   * replaced or removed since stay dead in it, and a segment no longer here means the plan is stale.
   */
  replaceSegments(replaced: Segment[], merged: Segment): void {
    if (!replaced.every((segment) => this.segments.includes(segment))) return;
    for (let doc = 0; doc < merged.docCount; doc++) {
      const location = this.locations.get(merged.ids[doc]!);
      if (!location || !replaced.includes(location.segment) || !location.segment.alive[location.doc])
        merged.markDead(doc);
    }
    this.segments = [...this.segments.filter((segment) => !replaced.includes(segment)), merged];
    this.locate(merged);
    this.tidy();
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
   * Searches in tiers, each tier's new matches ranked below the stricter ones: words as typed; the
   * word being typed completed; near spellings; wider typos; then, when still too little is found,
   * the articles covering most of the query (a long question rarely matches word for word).
   * Operators (`"phrase"`, `-word`, `market:DE`, `cause:…`, `in:…`) are taken out first.
   *
   * @example search.run({ text: 'removel order', preferLang: 'en' }, glossary, catalog).hits[0]?.id
   */
  run(
    query: SearchQuery,
    glossary: GlossaryIndex,
    catalog: SearchCatalog,
    parsed = parseOperators(validateQuery(query)),
  ): ArticleResult {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const ranked: SearchQuery = {
      ...query,
      preferLang: preferredLanguage(parsed.text, query.preferLang),
      ...(parsed.marketplace && { marketplace: parsed.marketplace }),
    };
    const empty: ArticleResult = { hits: [], didYouMean: null, partial: false };
    if (parsed.scope === 'notes') return empty;
    const scorers = new QueryScorers(this.segments, this.corpusStats());
    const excluded = this.excludedIds(parsed.excluded, glossary, scorers);
    const filter = (id: string) => !excluded.has(id) && matchesFilters(catalog.summaryOf(id), ranked, parsed.cause);
    const text = parsed.text;
    const unknownWords = this.unknownWords(text);
    const groups = planQuery(text, glossary, { fuzzyLevel: 1, unknownWords });
    if (groups.length === 0)
      return parsed.cause || parsed.marketplace
        ? { ...empty, hits: this.browse(ranked, filter, catalog, limit) }
        : empty;
    const phrases = parsed.phrases.map((phrase) => normalizeText(phrase));
    const boostLimit = boostLimitOf(text, groups.length, ranked.preferLang);
    const pass = (planned: QueryGroup[], combineWith: 'AND' | 'OR') =>
      this.match(planned, combineWith, { filter, limit, scorers, boostLimit });
    const keep = (planned: QueryGroup[], found: Pass) =>
      this.containing(found, mustContain(planned), phrases, catalog, limit, boostLimit);
    const exact = planQuery(text, glossary, { fuzzyLevel: 1, unknownWords, looseness: 'exact' });
    const strict = pass(exact, 'AND');
    // A question of three or more parts ranks by how much of it each article covers: the best answer
    // often lacks one common word of it ("take", "keep"), which an AND would hold against it.
    const options = { filter, limit, scorers, boostLimit };
    const results = keep(groups, exact.length >= QUESTION_PARTS ? this.covering(exact, options) : strict);
    let searched = looseTerms(exact);
    for (const looseness of ['prefix', 'typo'] as const) {
      if (results.length >= limit) break;
      const looser = planQuery(text, glossary, { fuzzyLevel: 1, unknownWords, looseness });
      // Chinese, digits and short words have nothing to loosen: the same plan again would find the same.
      if (looseTerms(looser) === searched) continue;
      searched = looseTerms(looser);
      appendNew(results, keep(looser, pass(looser, 'AND')));
    }
    // Too few hits: widen step by step, each step's new hits ranked below the stricter ones.
    const wider = results.length < FEW_HITS ? planQuery(text, glossary, { fuzzyLevel: 2, unknownWords }) : null;
    // The wider plan differs only where a Latin word may take more edits; for Chinese it is the same query again.
    if (wider && !samePlan(groups, wider)) appendNew(results, keep(wider, pass(wider, 'AND')), WIDER_TYPOS_WEIGHT);
    const before = results.length;
    // The partial pass: for a query nothing holds whole, or a query of several parts that found little.
    if (results.length === 0 || (results.length < FEW_HITS && groups.length > 1)) {
      appendNew(
        results,
        keep(
          [],
          this.covering(planQuery(text, glossary, { fuzzyLevel: 1, unknownWords, splitCjkRuns: true }), options),
        ),
        ANY_GROUP_WEIGHT,
      );
      // A glossary term no article uses ("品牌备案"): its words and characters may still lead somewhere.
      if (results.length === 0)
        appendNew(
          results,
          keep(
            [],
            this.covering(planQuery(text, NO_GLOSSARY, { fuzzyLevel: 1, unknownWords, splitCjkRuns: true }), options),
          ),
          ANY_GROUP_WEIGHT,
        );
    }
    const runs = mustContain(groups);
    const twinScore = (id: string) => (this.holdsRuns(id, runs, catalog) ? strict.scoreOf(id) : 0);
    const terms = [...new Set(this.segments.flatMap((segment) => scorers.of(segment).matchedTerms()))];
    const titleCoverage = (summary: ArticleSummary) => this.titleCoverage(summary, groups);
    const hits = rank(results, {
      text,
      query: ranked,
      catalog,
      limit,
      terms,
      twinScore,
      titleCoverage,
      headlineOf: (summary) => this.headlineOf(summary),
      titleOf: (summary) => this.normalizedTitleOf(summary),
      boostLimit,
    });
    return {
      hits,
      didYouMean: hits.length === 0 && !readsAsPinyin(text) ? this.suggest(text) : null,
      partial: before === 0 && hits.length > 0,
    };
  }

  /** Articles holding any excluded word or phrase (`-word`), found through the index as typed. */
  private excludedIds(excluded: string[], glossary: GlossaryIndex, scorers: QueryScorers): Set<string> {
    const ids = new Set<string>();
    for (const words of excluded) {
      const groups = planQuery(words, glossary, { fuzzyLevel: 1, looseness: 'exact' });
      if (groups.length === 0) continue;
      for (const candidate of this.match(groups, 'AND', {
        filter: null,
        limit: MAX_LIMIT,
        scorers,
        boostLimit: MAX_BOOST,
      }).all())
        ids.add(candidate.id);
    }
    return ids;
  }

  /** Every article the filters let through, preferred language first (a query of operators only, e.g. `market:JP`). */
  private browse(
    query: SearchQuery,
    filter: (id: string) => boolean,
    catalog: SearchCatalog,
    limit: number,
  ): ArticleHit[] {
    const summaries = [...this.locations.keys()].filter(filter).map((id) => catalog.summaryOf(id)!);
    const folded = foldTwins(
      summaries
        .sort(
          (a, b) =>
            Number(b.lang === query.preferLang) - Number(a.lang === query.preferLang) || a.title.localeCompare(b.title),
        )
        .map((summary) => ({ summary, score: 0 })),
      query,
    );
    return folded
      .slice(0, limit)
      .map(({ summary }) => ({ ...summary, score: 0, snippet: [{ text: summary.summary, match: false }] }));
  }

  /**
   * The partial pass: articles ranked by how much of the query they cover, each part weighted by its
   * rarity, with a minimum number of parts that relaxes as the query gets longer. Parts no article
   * holds are left out of the count (a misspelt or unknown word cannot sink the rest).
   */
  private covering(groups: QueryGroup[], options: PassOptions): Pass {
    const perSegment = this.segments.map((segment) => ({
      segment,
      scores: options.scorers.of(segment).groupScores(groups),
    }));
    const holders = groups.map((_, group) =>
      perSegment.reduce((total, { segment, scores }) => total + countLive(scores[group]!, segment), 0),
    );
    const present = holders
      .map((count, group) => ({ group, rarity: count > 0 ? Math.log(1 + this.documentCount / count) : 0 }))
      .filter((part) => part.rarity > 0);
    if (present.length === 0) return emptyPass();
    const needed = minimumShouldMatch(present.length);
    const totalRarity = present.reduce((total, part) => total + part.rarity, 0);
    const found: Found[] = [];
    for (const { segment, scores } of perSegment) {
      for (let doc = 0; doc < segment.docCount; doc++) {
        if (!segment.alive[doc]) continue;
        let matched = 0;
        let covered = 0;
        let score = 0;
        for (const { group, rarity } of present) {
          const value = scores[group]![doc]!;
          if (value <= 0) continue;
          matched++;
          covered += rarity;
          score += value;
        }
        if (matched < needed || (options.filter && !options.filter(segment.ids[doc]!))) continue;
        const coverage = covered / totalRarity;
        found.push({ segment, doc, score: score * coverage * coverage });
      }
    }
    return this.passOf(found, new Map(), options);
  }

  /** Scores every segment and collects the live matches that pass the filters. */
  private match(groups: QueryGroup[], combineWith: 'AND' | 'OR', options: PassOptions): Pass {
    const found: Found[] = [];
    const scores = new Map<Segment, Float32Array>();
    for (const segment of this.segments) {
      const segmentScores = options.scorers.of(segment).score(groups, combineWith);
      scores.set(segment, segmentScores);
      const { alive, ids } = segment;
      for (let doc = 0; doc < segmentScores.length; doc++) {
        const score = segmentScores[doc]!;
        if (score > 0 && alive[doc] && (!options.filter || options.filter(ids[doc]!)))
          found.push({ segment, doc, score });
      }
    }
    return this.passOf(found, scores, options);
  }

  /** The matches of a pass, the head sorted and the rest left unsorted until asked for. */
  private passOf(found: Found[], scores: Map<Segment, Float32Array>, options: Omit<PassOptions, 'scorers'>): Pass {
    const floor =
      found.length > options.limit * 4 ? scoreAt(found, options.limit) / (options.boostLimit * ROUNDING_SLACK) : 0;
    const candidate = ({ segment, doc, score }: Found): Candidate => ({ id: segment.ids[doc]!, score });
    return {
      head: found
        .filter((match) => match.score >= floor)
        .map(candidate)
        .sort(byScore),
      rest: () =>
        found
          .filter((match) => match.score < floor)
          .map(candidate)
          .sort(byScore),
      all: () => found.map(candidate),
      scoreOf: (id) => {
        const location = this.locations.get(id);
        const score = location ? (scores.get(location.segment)?.[location.doc] ?? 0) : 0;
        return score > 0 && (!options.filter || options.filter(id)) ? score : 0;
      },
    };
  }

  /**
   * Keeps the matches whose text holds every CJK run of the query as written (not just its bigrams)
   * and every quoted phrase. Checking goes best first and stops once `limit` are kept and no later
   * match could overtake the last of them through the ranking boosts: a common run is not checked
   * in every article.
   */
  private containing(
    pass: Pass,
    runs: string[],
    phrases: string[],
    catalog: SearchCatalog,
    limit: number,
    boostLimit: number,
  ): Candidate[] {
    if (runs.length === 0 && phrases.length === 0) return pass.head;
    const kept: Candidate[] = [];
    const check = (ordered: Candidate[]) => {
      for (const candidate of ordered) {
        if (kept.length >= limit && candidate.score * boostLimit * ROUNDING_SLACK < kept[limit - 1]!.score) return;
        if (this.holdsRuns(candidate.id, runs, catalog) && this.holdsPhrases(candidate.id, phrases, catalog))
          kept.push(candidate);
      }
    };
    check(pass.head);
    if (kept.length < limit) check(pass.rest());
    return kept;
  }

  /** Does the article hold every quoted phrase, case and width folded? */
  private holdsPhrases(id: string, phrases: string[], catalog: SearchCatalog): boolean {
    if (phrases.length === 0) return true;
    const summary = catalog.summaryOf(id);
    const text = normalizeText(`${summary?.title ?? ''}\n${summary?.summary ?? ''}\n${catalog.plainTextOf(id)}`);
    return phrases.every((phrase) => text.includes(phrase));
  }

  private factsOf(id: string): ArticleFacts {
    let facts = this.facts.get(id);
    if (!facts) this.facts.set(id, (facts = {}));
    return facts;
  }

  /** The share of the query's groups the title holds (any spelling of each), from 0 to 1. */
  private titleCoverage(summary: ArticleSummary, groups: QueryGroup[]): number {
    if (groups.length < 2) return 0;
    const facts = this.factsOf(summary.id);
    const title = (facts.titleTerms ??= new Set(indexTerms(summary.title)));
    const words = (facts.titleTermList ??= [...title]);
    const holds = (term: { term: string; prefix: boolean }) =>
      title.has(term.term) || (term.prefix && words.some((word) => word.startsWith(term.term)));
    const covered = groups.filter((group) =>
      group.alternatives.some((alternative) => alternative.terms.every(holds)),
    ).length;
    return covered / groups.length;
  }

  /** The title, normalised, for the exact-title check. */
  private normalizedTitleOf(summary: ArticleSummary): string {
    const facts = this.factsOf(summary.id);
    return (facts.title ??= normalizeText(summary.title).trim());
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
    return runs.every((run) =>
      fields.some((field) => field.includes(run) || (!plain && normalizeText(field).includes(run))),
    );
  }

  private corpusStats(): CorpusStats {
    if (this.stats) return this.stats;
    const segments = this.segments;
    // Frequencies count the postings of dead documents too (until compaction drops them): the total
    // must count them as well, or a removal could make a word rarer than "in every document" and its
    // weight negative (one of two documents removed: the other one was no longer found).
    const documents = segments.reduce((total, segment) => total + segment.docCount, 0);
    const documentFrequency = (term: string) =>
      segments.reduce((total, segment) => total + segment.documentFrequency(segment.termNumber(term)), 0);
    this.stats = { documents, documentFrequency };
    return this.stats;
  }

  private locate(segment: Segment): void {
    for (let doc = 0; doc < segment.docCount; doc++)
      if (segment.alive[doc]) this.locations.set(segment.ids[doc]!, { segment, doc });
    this.stats = null;
  }

  /** Drops segments with no live document left (rewriting the others is compaction's job). */
  /** Which of the segment's documents are live and accepted by `keep`, a byte each. */
  private aliveWhere(segment: Segment, keep: (id: string) => boolean): Uint8Array {
    return segment.alive.map((alive, doc) => (alive && keep(segment.ids[doc]!) ? 1 : 0));
  }

  private tidy(): void {
    this.segments = this.segments.filter((segment) => segment.liveCount > 0);
  }

  /** Latin words of 4+ letters that are not in the index as typed (one exact look-up each). */
  private unknownWords(text: string): Set<string> {
    const unknown = new Set<string>();
    for (const run of splitRuns(text)) {
      if (
        run.kind === 'latin' &&
        run.text.length >= 4 &&
        this.segments.every((segment) => !segment.latin.has(run.text))
      )
        unknown.add(run.text);
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
        for (const [word, [, distance]] of segment.latin.fuzzyGet(
          run.text,
          Math.max(1, Math.ceil(run.text.length * SUGGEST_EDIT_RATIO)),
        )) {
          const frequency = stats.documentFrequency(word);
          if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency))
            best = { word, distance, frequency };
        }
      }
      if (best && best.word !== run.text) changed = true;
      return best?.word ?? run.text;
    });
    return changed ? words.join(' ') : null;
  }
}

/** A segment from its file format (what worker threads post back); a damaged one is INVALID_INPUT. */
export function loadSegment(bytes: Uint8Array): Segment {
  // Aligned once here, so the views and the bytes the segment keeps are one buffer.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  try {
    return new Segment(readSegment(aligned), aligned);
  } catch (error) {
    if (error instanceof IndexFileError) throw new KbError('INVALID_INPUT', `Search: ${error.message}`);
    throw error;
  }
}

/** A segment over documents, built on this thread (the build script, tests). */
function buildSegment(batch: SearchDocument[]): Segment {
  return new Segment(buildSegmentParts(batch));
}

/** The tokenizing and weighting of documents into segment parts: what worker threads run for user folders. */
export function buildSegmentParts(batch: SearchDocument[]): SegmentParts {
  // The same id twice in one batch: the last copy wins, as it would in two batches.
  const documents = [...new Map(batch.map((document) => [document.id, document])).values()];
  const fields = Object.keys(FIELD_BOOST) as (keyof typeof FIELD_BOOST)[];
  const builder = new SegmentBuilder();
  const tokenized = documents.map((document): WeightedField[] =>
    fields.map((field) => ({ terms: builder.numberTerms(document[field] ?? ''), boost: FIELD_BOOST[field] })),
  );
  const averages = averageFieldLengths(tokenized);
  const weigher = new TermWeigher(builder);
  documents.forEach((document, index) => weigher.addDocument(document.id, tokenized[index]!, averages));
  return builder.buildParts();
}

/** What makes two plans search differently: each term's prefix and fuzzy settings. */
function looseTerms(groups: QueryGroup[]): string {
  return groups
    .map((group) =>
      group.alternatives
        .map((alternative) => alternative.terms.map((term) => `${term.prefix ? 1 : 0}${term.fuzzy}`).join())
        .join('|'),
    )
    .join(';');
}

function samePlan(a: QueryGroup[], b: QueryGroup[]): boolean {
  const fuzziness = (groups: QueryGroup[]) =>
    groups.flatMap((group) => group.alternatives.flatMap((alternative) => alternative.terms.map((term) => term.fuzzy)));
  return fuzziness(a).join() === fuzziness(b).join();
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score;

/** The n-th best score (n ≤ matches). */
function scoreAt(matches: { score: number }[], n: number): number {
  const scores = Float32Array.from(matches, (match) => match.score).sort();
  return scores[scores.length - n]!;
}

function countLive(scores: Float32Array, segment: Segment): number {
  let count = 0;
  for (let doc = 0; doc < scores.length; doc++) if (scores[doc]! > 0 && segment.alive[doc]) count++;
  return count;
}

function emptyPass(): Pass {
  return { head: [], rest: () => [], all: () => [], scoreOf: () => 0 };
}

/** How many of a query's parts an article must hold in the partial pass: all but one up to four parts, then about half. */
export function minimumShouldMatch(parts: number): number {
  if (parts <= 2) return 1;
  if (parts <= 4) return parts - 1;
  return Math.ceil(parts / 2);
}

/**
 * The query's script decides which twin ranks first: Chinese characters (beside acronyms such as
 * FBA or ODR at most), or pinyin, mean Chinese; mixed with English words, the reader's language.
 */
export function preferredLanguage(text: string, fallback: Lang | undefined): Lang | undefined {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  const englishWords = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !/^[A-Z]{3,5}$/.test(word));
  if (cjk) return englishWords.length === 0 ? 'zh' : fallback;
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length > 0 && words.join('').length >= 4 && words.every(looksLikePinyin))
    return fallback === 'en' && words.some(isCommonEnglish) ? fallback : 'zh';
  return fallback;
}

/** Pinyin gets no "did you mean": the nearest English words ("send has" for "feng hao") mean nothing to its writer. */
function readsAsPinyin(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.length > 0 && words.every(looksLikePinyin);
}

/** English words that also read as pinyin ("change", "men", "long"): with them a query stays in the reader's language. */
const ENGLISH_LOOKALIKES = new Set([
  'change',
  'men',
  'long',
  'hang',
  'bang',
  'sun',
  'pen',
  'ten',
  'tie',
  'die',
  'lie',
  'pie',
  'fan',
  'ban',
  'can',
  'man',
  'pan',
  'ran',
  'tan',
  'van',
  'he',
  'me',
  'we',
  'she',
  'you',
  'go',
  'no',
  'so',
  'to',
  'in',
  'on',
  'hen',
  'chin',
  'shin',
  'bin',
  'pin',
  'tin',
  'win',
  'sin',
  'fun',
  'run',
  'gun',
  'ping',
  'ring',
  'sing',
  'wing',
  'king',
]);

function isCommonEnglish(word: string): boolean {
  return ENGLISH_LOOKALIKES.has(word);
}

/** Only the preferred language's row of a pair of twins (the other is one click away through `translation`). */
function foldTwins<T extends { summary: ArticleSummary }>(sorted: T[], query: SearchQuery): T[] {
  if (query.lang) return sorted;
  const shown = new Set<string>();
  const folded: T[] = [];
  for (const entry of sorted) {
    const { id, translation } = entry.summary;
    if (translation && shown.has(translation)) continue;
    shown.add(id);
    folded.push(entry);
  }
  return folded;
}

/** True when `phrase` occurs in `text` without cutting a Latin word ("stiff" is not in "stiffness"). */
function holdsAsWords(text: string, phrase: string): boolean {
  const latin = /[a-z0-9]/;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    const cutsBefore = latin.test(phrase[0]!) && latin.test(text[at - 1] ?? '');
    const cutsAfter = latin.test(phrase.at(-1)!) && latin.test(text[end] ?? '');
    if (!cutsBefore && !cutsAfter) return true;
  }
  return false;
}

function mustContain(groups: QueryGroup[]): string[] {
  return groups.map((group) => group.mustContain).filter((run): run is string => run !== null);
}

/** Adds the candidates not yet present, their scores scaled below the stricter pass. */
function appendNew(results: Candidate[], wider: Candidate[], weight = 1): void {
  const seen = new Set(results.map((result) => result.id));
  const ceiling = results.reduce((lowest, result) => Math.min(lowest, result.score), Infinity);
  for (const result of wider) {
    if (seen.has(result.id)) continue;
    results.push({
      ...result,
      score: Math.min(result.score * weight, ceiling === Infinity ? Infinity : ceiling * 0.99),
    });
  }
}

/** The query's fields checked, and its text returned; what every door's search goes through first. */
export function validateQuery(query: SearchQuery): string {
  const fields = argumentFields(query, SEARCH, ['text', 'lang', 'preferLang', 'category', 'marketplace', 'limit']);
  optionalOneOf(fields.lang, LANGS, 'lang', SEARCH);
  optionalOneOf(fields.preferLang, LANGS, 'preferLang', SEARCH);
  optionalOneOf(fields.category, CATEGORIES, 'category', SEARCH);
  optionalOneOf(fields.marketplace, MARKETPLACES, 'marketplace', SEARCH);
  optionalWholeNumber(fields.limit, 'limit', SEARCH, 1, MAX_LIMIT, DEFAULT_LIMIT);
  return requireString(fields.text, 'text', SEARCH, MAX_QUERY_CHARS);
}

function matchesFilters(summary: ArticleSummary | undefined, query: SearchQuery, cause: CaseCause | null): boolean {
  if (!summary) return false;
  // An article belongs to a cause when its id names it: cause-odr-…, poa-template-odr-….
  if (cause && !new RegExp(`(^|-)${cause}-(en|zh)$`).test(summary.id)) return false;
  if (query.lang && summary.lang !== query.lang) return false;
  if (query.category && summary.category !== query.category) return false;
  if (query.marketplace && summary.marketplaces.length > 0 && !summary.marketplaces.includes(query.marketplace))
    return false;
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
  /** How much of a several-part query the title holds (0–1). */
  titleCoverage(summary: ArticleSummary): number;
  headlineOf(summary: ArticleSummary): string;
  /** The title normalised. */
  titleOf(summary: ArticleSummary): string;
  /** The most the boosts below can multiply a score by, for this query (boostLimitOf). */
  boostLimit: number;
}

/**
 * The most rank() can multiply a score by for a query: the phrase and exact-title boosts need a
 * query of two characters or more, title coverage a query of two parts or more, the language boost
 * a preferred language. A bound this tight lets matching and ranking drop more early.
 */
function boostLimitOf(text: string, parts: number, preferLang: unknown): number {
  const phrase = normalizeText(text).trim().length >= 2 ? PHRASE_BOOST * EXACT_TITLE_BOOST : 1;
  const coverage = parts >= 2 ? 1 + TITLE_COVERAGE_BOOST : 1;
  return phrase * coverage * (preferLang ? PREFERRED_LANGUAGE_BOOST : 1);
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Puts `value` into the descending list, which keeps its `size` largest values. */
function insertDescending(list: number[], value: number, size: number): void {
  if (list.length >= size && value <= list[size - 1]!) return;
  let at = list.length;
  while (at > 0 && list[at - 1]! < value) at--;
  list.splice(at, 0, value);
  if (list.length > size) list.pop();
}

/** Scores phrase matches and the preferred language up, then makes each preferred twin outrank its twin. */
function rank(results: Candidate[], context: RankContext): ArticleHit[] {
  const { text, query, catalog, limit } = context;
  const findTerms = termFinder(context.terms);
  const phrase = normalizeText(text).trim();
  const scored: { summary: ArticleSummary; score: number }[] = [];
  const boosted = (summary: ArticleSummary, score: number) => {
    let result = score;
    if (phrase.length >= 2 && holdsAsWords(context.headlineOf(summary), phrase)) result *= PHRASE_BOOST;
    if (phrase.length >= 2 && context.titleOf(summary) === phrase) result *= EXACT_TITLE_BOOST;
    result *= 1 + TITLE_COVERAGE_BOOST * context.titleCoverage(summary) ** 2;
    if (query.preferLang && summary.lang === query.preferLang) result *= PREFERRED_LANGUAGE_BOOST;
    return result;
  };
  // Best first, so that the loop can stop where no boost could lift a result into the page: the
  // 2 × limit best boosted scores bound it (folding twins hides at most one of each pair).
  const best: number[] = [];
  const room = 2 * limit;
  for (const result of [...results].sort((a, b) => b.score - a.score)) {
    if (best.length >= room && result.score * context.boostLimit * ROUNDING_SLACK < best[room - 1]!) break;
    const summary = catalog.summaryOf(result.id);
    if (!summary) continue;
    const score = boosted(summary, result.score);
    scored.push({ summary, score });
    insertDescending(best, score, room);
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
      if (twin && entry.summary.lang === query.preferLang && twin.score >= entry.score)
        entry.score = twin.score * 1.001;
    }
  }
  // Cutting a snippet reads the whole article, so only the first page of hits gets one from the
  // text; hits further down (asked for by tools, not read by people) quote their summary.
  // Equal scores (two twins lifted to the same score) in id order, so that a page never depends on
  // the order in which its hits were found.
  return foldTwins(
    scored.sort((a, b) => b.score - a.score || compareIds(a.summary.id, b.summary.id)),
    query,
  )
    .slice(0, limit)
    .map(({ summary, score }, index) => ({
      ...summary,
      score: Math.round(score * 1000) / 1000,
      snippet: buildSnippet(
        (index < SNIPPETS_FROM_TEXT && catalog.plainTextOf(summary.id)) || summary.summary,
        findTerms,
      ),
    }));
}
