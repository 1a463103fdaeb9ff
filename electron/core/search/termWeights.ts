/**
 * The query-independent part of a term's score in one article: BM25+ per field (the formula
 * minisearch uses), times the field's boost, summed over the fields. Computed once at index time,
 * so a query multiplies it by the term's rarity and nothing else.
 */
import { WEIGHT_SCALE, type SegmentBuilder } from './segment.js';

/** A field's terms (SegmentBuilder numbers) and how much a match in it counts (title 4 … body 1). */
export interface WeightedField {
  terms: number[];
  boost: number;
}

const K1 = 1.2;
const B = 0.7;
/** BM25+'s floor: any occurrence in a field counts, however long the field. */
const DELTA = 0.5;

/** Mean length of each field over the documents (index = field position). */
export function averageFieldLengths(documents: WeightedField[][]): number[] {
  const totals: number[] = [];
  for (const fields of documents)
    fields.forEach((field, index) => (totals[index] = (totals[index] ?? 0) + field.terms.length));
  return totals.map((total) => total / Math.max(1, documents.length));
}

/**
 * Adds documents to a segment builder with each term's weight in the segment's stored steps. The
 * counts sit in arrays indexed by the builder's term numbers and are reset as they are read, so no
 * Map is made per document or field.
 */
export class TermWeigher {
  /** Occurrences of each term in the field being weighed. */
  private counts = new Uint32Array(1024);
  /** Each term's weight so far in the document being weighed; scores are positive, so 0 means "not yet". */
  private sums = new Float64Array(1024);

  constructor(private readonly builder: SegmentBuilder) {}

  /** Adds a document to the builder; a term's weight sums its fields' scores in field order (the rounding is part of the file). */
  addDocument(id: string, fields: WeightedField[], averages: number[]): void {
    const doc = this.builder.addDocument(id);
    const documentTerms: number[] = [];
    fields.forEach((field, index) => {
      const norm = K1 * (1 - B + (B * field.terms.length) / Math.max(1, averages[index] ?? 1));
      for (const term of this.countTerms(field.terms)) {
        const count = this.counts[term]!;
        this.counts[term] = 0;
        const score = field.boost * (DELTA + (count * (K1 + 1)) / (count + norm));
        if (this.sums[term] === 0) documentTerms.push(term);
        this.sums[term]! += score * WEIGHT_SCALE;
      }
    });
    for (const term of documentTerms) {
      this.builder.addNumberedPosting(term, doc, this.sums[term]!);
      this.sums[term] = 0;
    }
  }

  /** Counts a field's terms; returns the distinct ones, in order of first sight. */
  private countTerms(terms: number[]): number[] {
    const distinct: number[] = [];
    for (const term of terms) {
      if (term >= this.counts.length) this.makeRoomFor(term);
      if (this.counts[term]!++ === 0) distinct.push(term);
    }
    return distinct;
  }

  private makeRoomFor(term: number): void {
    let length = this.counts.length;
    while (length <= term) length *= 2;
    const counts = new Uint32Array(length);
    const sums = new Float64Array(length);
    counts.set(this.counts);
    sums.set(this.sums);
    this.counts = counts;
    this.sums = sums;
  }
}
