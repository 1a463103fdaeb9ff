import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { SortedVocabulary } from '../../electron/core/search/sortedVocabulary.js';

// Few letters, so random words share prefixes and lie within a few edits of each other.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', '日'), minLength: 1, maxLength: 7 });
const vocabulary = fc.uniqueArray(word, { minLength: 0, maxLength: 60 });

/** The same words in both: ours (sorted, numbered from 100) and minisearch's radix tree, the reference. */
function both(words: string[]): { ours: SortedVocabulary; reference: SearchableMap<number> } {
  const sorted = [...words].sort();
  const reference = new SearchableMap<number>();
  sorted.forEach((entry, index) => reference.set(entry, 100 + index));
  return { ours: new SortedVocabulary(sorted, 100), reference };
}

const sortedEntries = (entries: Iterable<[string, unknown]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('the sorted vocabulary, against minisearch’s radix tree', () => {
  it('finds the same words within any edit distance, with the same distances and term numbers', () => {
    fc.assert(
      fc.property(vocabulary, word, fc.integer({ min: 0, max: 3 }), (words, query, distance) => {
        const { ours, reference } = both(words);
        expect(sortedEntries(ours.fuzzyGet(query, distance))).toEqual(
          sortedEntries(reference.fuzzyGet(query, distance)),
        );
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it('finds the same words by prefix and exactly', () => {
    fc.assert(
      fc.property(vocabulary, word, (words, query) => {
        const { ours, reference } = both(words);
        expect(sortedEntries(ours.atPrefix(query))).toEqual(sortedEntries(reference.atPrefix(query)));
        expect(ours.get(query)).toBe(reference.get(query));
        expect(ours.has(query)).toBe(reference.has(query));
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });
});
