/**
 * Scores a planned query over one segment with dense arrays (one number per document): at 10,000
 * documents a term costs a pass over its postings and an AND a pass over the array, with no Map or
 * object per match. A posting's stored weight (termWeights) times the term's rarity over the whole
 * index is its score, so splitting the index into segments does not change scores.
 */
import type { PlannedTerm, QueryGroup } from './queryPlan.js';
import { WEIGHT_SCALE, type Segment } from './segment.js';
import { isCjkTerm } from './tokenize.js';

/** Statistics over every segment. */
export interface CorpusStats {
  documents: number;
  documentFrequency(term: string): number;
}

interface Expansion {
  term: number;
  /** 1 for the word as typed, less for a prefix completion or a typo correction. */
  weight: number;
  /** Edits from the word as typed, when it was found as a typo correction (not as typed or as a completion). */
  typoDistance: number | null;
}

const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/**
 * A correction farther from the typed word than the nearest one the index holds counts this much
 * less: "ganster" is surely "gangster" (one edit), not "master" (two), however common "master" is.
 */
const FARTHER_TYPO_WEIGHT = 0.2;

/** The scorers of one query, a segment each, sharing what only the whole index can tell. */
export class QueryScorers {
  private readonly scorers = new Map<Segment, SegmentQuery>();
  private readonly nearest = new Map<string, number>();

  constructor(
    private readonly segments: readonly Segment[],
    private readonly stats: CorpusStats,
  ) {}

  of(segment: Segment): SegmentQuery {
    let scorer = this.scorers.get(segment);
    if (!scorer) this.scorers.set(segment, (scorer = new SegmentQuery(segment, this.stats, this)));
    return scorer;
  }

  /** The fewest edits at which any segment holds a correction of the term (Infinity: none). */
  nearestTypo(planned: PlannedTerm): number {
    const key = expansionKey(planned);
    let nearest = this.nearest.get(key);
    if (nearest === undefined) {
      nearest = Math.min(Infinity, ...this.segments.map((segment) => this.of(segment).nearestTypoHere(planned)));
      this.nearest.set(key, nearest);
    }
    return nearest;
  }
}

export class SegmentQuery {
  private readonly expansions = new Map<string, Expansion[]>();

  constructor(
    private readonly segment: Segment,
    private readonly stats: CorpusStats,
    private readonly query: QueryScorers,
  ) {}

  /** A score per document, 0 where the query does not match: groups joined with AND or with OR. */
  score(groups: QueryGroup[], combineWith: 'AND' | 'OR'): Float32Array {
    let total: Float32Array | null = null;
    for (const group of groups) {
      const scores = this.scoresOfGroup(group);
      if (!total) total = scores;
      else if (combineWith === 'AND') addWhereBoth(total, scores);
      else for (let doc = 0; doc < total.length; doc++) total[doc]! += scores[doc]!;
    }
    return total ?? new Float32Array(this.segment.docCount);
  }

  /** The index terms any planned term matched in this segment (for highlighting). */
  matchedTerms(): string[] {
    const terms = new Set<string>();
    for (const list of this.expansions.values())
      for (const expansion of list) terms.add(this.segment.termText(expansion.term));
    return [...terms];
  }

  /** Each group's scores on its own (for the partial pass, which counts how many groups an article holds). */
  groupScores(groups: QueryGroup[]): Float32Array[] {
    return groups.map((group) => this.scoresOfGroup(group));
  }

  /** The alternatives' scores summed per document: an article using several spellings of a glossary term ranks higher. */
  private scoresOfGroup(group: QueryGroup): Float32Array {
    const total = new Float32Array(this.segment.docCount);
    for (const alternative of group.alternatives) {
      let scores: Float32Array | null = null;
      for (const term of alternative.terms) {
        const termScores = this.termScores(term);
        if (!termScores) {
          scores = null;
          break;
        }
        if (!scores) scores = termScores;
        else addWhereBoth(scores, termScores);
      }
      if (!scores) continue;
      for (let doc = 0; doc < total.length; doc++) total[doc]! += scores[doc]! * alternative.weight;
    }
    return total;
  }

  /** The fewest edits of the term's corrections in this segment (Infinity: none). */
  nearestTypoHere(planned: PlannedTerm): number {
    let nearest = Infinity;
    for (const { typoDistance } of this.expand(planned))
      if (typoDistance !== null && typoDistance < nearest) nearest = typoDistance;
    return nearest;
  }

  /** The score of a term's best expansion per document, or null when nothing matches it here. */
  private termScores(planned: PlannedTerm): Float32Array | null {
    const expansions = this.expand(planned);
    if (expansions.length === 0) return null;
    const nearest = planned.fuzzy > 0 ? this.query.nearestTypo(planned) : Infinity;
    const { offsets, docs, weights } = this.segment;
    const scores = new Float32Array(this.segment.docCount);
    for (const { term, weight, typoDistance } of expansions) {
      const frequency = this.stats.documentFrequency(this.segment.termText(term));
      const idf = Math.log(1 + (this.stats.documents - frequency + 0.5) / (frequency + 0.5));
      const farther = typoDistance !== null && typoDistance > nearest ? FARTHER_TYPO_WEIGHT : 1;
      const factor = (weight * farther * idf) / WEIGHT_SCALE;
      for (let at = offsets[term]!; at < offsets[term + 1]!; at++) {
        const doc = docs[at]!;
        const score = factor * weights[at]!;
        if (score > scores[doc]!) scores[doc] = score;
      }
    }
    return scores;
  }

  /** The segment's terms a planned term stands for: itself, its completions, its near spellings. */
  private expand(planned: PlannedTerm): Expansion[] {
    const key = expansionKey(planned);
    let list = this.expansions.get(key);
    if (!list) this.expansions.set(key, (list = expandTerm(this.segment, planned)));
    return list;
  }
}

const expansionKey = (planned: PlannedTerm) => `${planned.term}\u0000${planned.prefix}\u0000${planned.fuzzy}`;

function expandTerm(segment: Segment, planned: PlannedTerm): Expansion[] {
  const { term } = planned;
  if (isCjkTerm(term)) {
    // One character stands for every term it starts (its bigrams, and itself at a run's end).
    if (Array.from(term).length === 1) {
      const [from, to] = segment.cjkTermsStartingWith(term);
      return Array.from({ length: to - from }, (_, index) => ({ term: from + index, weight: 1, typoDistance: null }));
    }
    const number = segment.termNumber(term);
    return number < 0 ? [] : [{ term: number, weight: 1, typoDistance: null }];
  }
  const found = new Map<number, Expansion>();
  // A term reached several ways keeps its best weight; it counts as a typo only when that is how it scores best.
  const offer = (number: number, weight: number, typoDistance: number | null) => {
    const known = found.get(number);
    if (!known || weight > known.weight) found.set(number, { term: number, weight, typoDistance });
  };
  const exact = segment.latin.get(term);
  if (exact !== undefined) offer(exact, 1, null);
  if (planned.prefix) {
    for (const [word, number] of segment.latin.atPrefix(term))
      offer(number, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (word.length - term.length)), null);
  }
  if (planned.fuzzy > 0) {
    for (const [, [number, distance]] of segment.latin.fuzzyGet(term, planned.fuzzy))
      if (distance > 0) offer(number, (FUZZY_WEIGHT * term.length) / (term.length + distance), distance);
  }
  return [...found.values()];
}

/** total := total + other where both match, 0 elsewhere (an AND). */
function addWhereBoth(total: Float32Array, other: Float32Array): void {
  for (let doc = 0; doc < total.length; doc++)
    total[doc] = total[doc]! > 0 && other[doc]! > 0 ? total[doc]! + other[doc]! : 0;
}
