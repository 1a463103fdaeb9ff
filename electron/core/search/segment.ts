/**
 * One immutable part of the article index, with its postings in typed arrays: a 10,000-article
 * library loads as a few views over one buffer (no parsing, almost no garbage) and a query walks
 * flat arrays instead of nested Maps.
 *
 * Term numbers: CJK terms first, in the order of their numeric keys (so the terms that start with
 * one character form a contiguous range), then the Latin words in code-unit order, which is also
 * how prefix and typo look-ups find them (SortedVocabulary). Postings of a term are sorted by document number.
 */
import { SortedVocabulary } from './sortedVocabulary.js';
import { emitIndexTerms, isCjkTerm } from './tokenize.js';

/** Everything a segment holds, as plain arrays: what the file format stores. */
export interface SegmentParts {
  ids: string[];
  /** Sorted numeric keys of the CJK terms: term number = position. */
  cjkKeys: Float64Array;
  /** Latin words: term number = cjkKeys.length + position. */
  latinTerms: string[];
  /** Postings of term t are at offsets[t] … offsets[t + 1] - 1. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** The query-independent part of each posting's score, in steps of 1/WEIGHT_SCALE (see termWeights). */
  weights: Uint8Array;
}

const CODE_POINTS = 0x110000;
const MAX_WEIGHT = 255;
/** Weights are stored in eighths: 0.125 … 31.875. */
export const WEIGHT_SCALE = 8;

/** A number per CJK term that sorts terms by their first character, then their second (none first). */
export function cjkKey(term: string): number {
  const first = term.codePointAt(0) ?? 0;
  const second = term.length > (first > 0xffff ? 2 : 1) ? term.codePointAt(first > 0xffff ? 2 : 1)! : 0;
  return first * CODE_POINTS + second;
}

function cjkTermOf(key: number): string {
  const second = key % CODE_POINTS;
  return String.fromCodePoint((key - second) / CODE_POINTS) + (second ? String.fromCodePoint(second) : '');
}

/** First position in a sorted array whose value is ≥ target. */
function lowerBound(values: ArrayLike<number>, target: number, from = 0, to = values.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class Segment {
  readonly ids: string[];
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly weights: Uint8Array;
  /** 1 while a document is current; documents replaced or removed later are marked 0. */
  readonly alive: Uint8Array;
  readonly latin: SortedVocabulary;
  private readonly cjkKeys: Float64Array;
  private readonly latinTerms: string[];
  private live: number;

  /**
   * @param bytes the file bytes the parts were read from (readSegment's views are over them), kept
   *   so the segment can be stored again without writing it anew; null for a segment built here.
   */
  constructor(
    parts: SegmentParts,
    readonly bytes: Uint8Array | null = null,
  ) {
    ({
      ids: this.ids,
      cjkKeys: this.cjkKeys,
      latinTerms: this.latinTerms,
      offsets: this.offsets,
      docs: this.docs,
      weights: this.weights,
    } = parts);
    this.alive = new Uint8Array(this.ids.length).fill(1);
    this.live = this.ids.length;
    this.latin = new SortedVocabulary(parts.latinTerms, parts.cjkKeys.length);
  }

  get docCount(): number {
    return this.ids.length;
  }

  get liveCount(): number {
    return this.live;
  }

  get termCount(): number {
    return this.offsets.length - 1;
  }

  markDead(doc: number): void {
    if (this.alive[doc]) this.live--;
    this.alive[doc] = 0;
  }

  /** The term's number, or -1 when this segment does not hold it. */
  termNumber(term: string): number {
    if (!isCjkTerm(term)) return this.latin.get(term) ?? -1;
    const key = cjkKey(term);
    const at = lowerBound(this.cjkKeys, key);
    return this.cjkKeys[at] === key ? at : -1;
  }

  /** The numbers of every CJK term starting with this character: [from, to). */
  cjkTermsStartingWith(char: string): [number, number] {
    const start = cjkKey(char);
    return [lowerBound(this.cjkKeys, start), lowerBound(this.cjkKeys, start + CODE_POINTS)];
  }

  termText(termNumber: number): string {
    return termNumber < this.cjkKeys.length
      ? cjkTermOf(this.cjkKeys[termNumber]!)
      : this.latinTerms[termNumber - this.cjkKeys.length]!;
  }

  documentFrequency(termNumber: number): number {
    return termNumber < 0 ? 0 : this.offsets[termNumber + 1]! - this.offsets[termNumber]!;
  }

  /** Does the document hold the term? A binary search in the term's postings. */
  holds(termNumber: number, doc: number): boolean {
    const end = this.offsets[termNumber + 1]!;
    const at = lowerBound(this.docs, doc, this.offsets[termNumber]!, end);
    return at < end && this.docs[at] === doc;
  }

  parts(): SegmentParts {
    const { ids, cjkKeys, latinTerms, offsets, docs, weights } = this;
    return { ids, cjkKeys, latinTerms, offsets, docs, weights };
  }
}

/**
 * Collects postings, then sorts them into segment parts. A term is numbered when first seen (its
 * kind and CJK key known then, once); postings wait in flat arrays in the order added, and building
 * moves each one straight to its place instead of keeping a list per term.
 */
export class SegmentBuilder {
  private readonly ids: string[] = [];
  private readonly latinNumbers = new Map<string, number>();
  /** CJK terms (most terms) by first code point, then second (0 for none): no string made or hashed per term. */
  private readonly cjkNumbers = new Map<number, Map<number, number>>();
  /** By builder number: the Latin word ('' for a CJK term), the CJK key (-1 for a Latin word), the postings so far. */
  private readonly words: string[] = [];
  private readonly cjkKeys: number[] = [];
  private readonly postingCounts: number[] = [];
  /** By posting, in the order added. */
  private readonly postingTerms: number[] = [];
  private readonly postingDocs: number[] = [];
  private readonly postingWeights: number[] = [];

  /** Adds a document (its postings follow); returns its number. */
  addDocument(id: string): number {
    return this.ids.push(id) - 1;
  }

  /** The builder numbers of a text's index terms (indexTerms), in order: what TermWeigher counts. */
  numberTerms(text: string): number[] {
    const numbers: number[] = [];
    emitIndexTerms(text, {
      latin: (word) => numbers.push(this.latinNumber(word)),
      cjk: (first, second) => numbers.push(this.cjkNumber(first, second)),
    });
    return numbers;
  }

  /** The builder's own number for an index term, for addNumberedPosting (not the term's number in the segment). */
  numberOf(term: string): number {
    if (!isCjkTerm(term)) return this.latinNumber(term);
    const key = cjkKey(term);
    const second = key % CODE_POINTS;
    return this.cjkNumber((key - second) / CODE_POINTS, second);
  }

  /** Postings of one term must be added in increasing document order; weight in stored steps. */
  addPosting(term: string, doc: number, weight: number): void {
    this.addNumberedPosting(this.numberOf(term), doc, weight);
  }

  /** addPosting for a term numbered by numberOf or numberTerms. */
  addNumberedPosting(term: number, doc: number, weight: number): void {
    this.postingTerms.push(term);
    this.postingDocs.push(doc);
    this.postingWeights.push(Math.min(MAX_WEIGHT, Math.max(1, Math.round(weight))));
    this.postingCounts[term]!++;
  }

  private latinNumber(word: string): number {
    let number = this.latinNumbers.get(word);
    if (number === undefined) this.latinNumbers.set(word, (number = this.newTerm(word, -1)));
    return number;
  }

  private cjkNumber(first: number, second: number): number {
    let seconds = this.cjkNumbers.get(first);
    if (!seconds) this.cjkNumbers.set(first, (seconds = new Map()));
    let number = seconds.get(second);
    if (number === undefined) seconds.set(second, (number = this.newTerm('', first * CODE_POINTS + second)));
    return number;
  }

  private newTerm(word: string, cjkKey: number): number {
    this.cjkKeys.push(cjkKey);
    this.postingCounts.push(0);
    return this.words.push(word) - 1;
  }

  /** The postings as the typed arrays a segment (and its file) holds. */
  buildParts(): SegmentParts {
    const { cjkKeys, latinTerms, positions } = this.sortTerms();
    const offsets = new Uint32Array(positions.length + 1);
    positions.forEach((position, term) => (offsets[position + 1] = this.postingCounts[term]!));
    for (let index = 0; index < positions.length; index++) offsets[index + 1]! += offsets[index]!;
    // Where the next posting of each term (by builder number) goes.
    const next = positions.map((position) => offsets[position]!);
    const total = this.postingTerms.length;
    const docs = new Uint32Array(total);
    const weights = new Uint8Array(total);
    // Each term's postings were added in document order, so moving them in that order keeps its list sorted.
    for (let posting = 0; posting < total; posting++) {
      const term = this.postingTerms[posting]!;
      const at = next[term]!;
      next[term] = at + 1;
      docs[at] = this.postingDocs[posting]!;
      weights[at] = this.postingWeights[posting]!;
    }
    return { ids: this.ids, cjkKeys, latinTerms, offsets, docs, weights };
  }

  /**
   * The segment's terms in order: CJK keys sorted as numbers, Latin words by code unit (the default
   * sort; the vocabulary's look-up structure, SortedVocabulary), and each builder number's position
   * among them. Native sorts and then a look-up per term cost less than a sort with a comparator.
   */
  private sortTerms(): { cjkKeys: Float64Array; latinTerms: string[]; positions: Uint32Array } {
    const cjk: number[] = [];
    const latinTerms: string[] = [];
    this.cjkKeys.forEach((key, term) => (key >= 0 ? cjk.push(key) : latinTerms.push(this.words[term]!)));
    const cjkKeys = Float64Array.from(cjk).sort();
    latinTerms.sort();
    const positions = new Uint32Array(this.words.length);
    this.cjkKeys.forEach((key, term) => {
      if (key >= 0) positions[term] = lowerBound(cjkKeys, key);
    });
    latinTerms.forEach((word, index) => (positions[this.latinNumbers.get(word)!] = cjkKeys.length + index));
    return { cjkKeys, latinTerms, positions };
  }

  build(): Segment {
    return new Segment(this.buildParts());
  }
}

/** The text of term `term` of a segment's parts. */
function termTextOf(parts: SegmentParts, term: number): string {
  return term < parts.cjkKeys.length ? cjkTermOf(parts.cjkKeys[term]!) : parts.latinTerms[term - parts.cjkKeys.length]!;
}

/** One segment holding the live documents of several, renumbered in order: how dead documents leave. */
export function mergeSegments(segments: Segment[]): Segment {
  return new Segment(mergeSegmentParts(segments.map((segment) => ({ parts: segment.parts(), alive: segment.alive }))));
}

/**
 * mergeSegments over parts (what a worker thread receives), reading which documents are live from
 * `alive`: a copy taken beforehand keeps the result as of then, whatever changes meanwhile.
 */
export function mergeSegmentParts(
  sources: { parts: SegmentParts; alive: Uint8Array }[],
  keep: (id: string) => boolean = () => true,
): SegmentParts {
  const builder = new SegmentBuilder();
  const renumbered = sources.map(({ parts, alive }) => {
    const numbers = new Int32Array(parts.ids.length).fill(-1);
    parts.ids.forEach((id, doc) => {
      if (alive[doc] && keep(id)) numbers[doc] = builder.addDocument(id);
    });
    return numbers;
  });
  for (const [index, { parts }] of sources.entries()) {
    const numbers = renumbered[index]!;
    for (let term = 0; term + 1 < parts.offsets.length; term++) {
      // Numbered at its first live posting: a term whose documents have all left must not appear.
      let number = -1;
      for (let at = parts.offsets[term]!; at < parts.offsets[term + 1]!; at++) {
        const doc = numbers[parts.docs[at]!]!;
        if (doc < 0) continue;
        if (number < 0) number = builder.numberOf(termTextOf(parts, term));
        builder.addNumberedPosting(number, doc, parts.weights[at]!);
      }
    }
  }
  return builder.buildParts();
}
