/**
 * The query-independent part of a term's score in one article: BM25+ per field (the formula
 * minisearch uses), times the field's boost, summed over the fields. Computed once at index time,
 * so a query multiplies it by the term's rarity and nothing else.
 */
import { WEIGHT_SCALE } from './segment.js';

/** A field's terms and how much a match in it counts (title 4 … body 1). */
export interface WeightedField {
  terms: string[];
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

/** Each term's weight in the document, in the segment's stored steps. */
export function termWeights(fields: WeightedField[], averages: number[]): Map<string, number> {
  const weights = new Map<string, number>();
  fields.forEach((field, index) => {
    const counts = new Map<string, number>();
    for (const term of field.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * field.terms.length) / Math.max(1, averages[index] ?? 1));
    for (const [term, count] of counts) {
      const score = field.boost * (DELTA + (count * (K1 + 1)) / (count + norm));
      weights.set(term, (weights.get(term) ?? 0) + score * WEIGHT_SCALE);
    }
  });
  return weights;
}
