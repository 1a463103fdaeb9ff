import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../electron/common/index.js';
import { ArticleSearch, type SearchCatalog, type SearchDocument } from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';
import { mergeSegments, type Segment } from '../../electron/core/search/segment.js';

const glossary = buildGlossaryIndex([]);
// A small vocabulary, so that random documents share words and queries hit several of them.
const WORDS = [
  'removal',
  'order',
  'funds',
  'appeal',
  'invoice',
  'supplier',
  '移除',
  '订单',
  '资金',
  '申诉',
  '发票',
  '库存',
];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const document = fc.record({
  id: fc.constantFrom(...IDS),
  title: text,
  tags: fc.constant(''),
  summary: fc.constant(''),
  body: text,
});
/**
 * What a user folder does to the index: add or replace some documents, or remove some; and what
 * the folder owner does afterwards: plan a compaction, whose merge (done in a worker thread in the
 * app) lands one or more changes later.
 */
const step = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), documents: fc.array(document, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('remove' as const),
    ids: fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('startCompaction' as const) }),
  fc.record({ kind: fc.constant('finishCompaction' as const) }),
);

function catalogOf(documents: Map<string, SearchDocument>): SearchCatalog {
  return {
    summaryOf: (id) => {
      const found = documents.get(id);
      return (
        found &&
        ({
          id,
          title: found.title,
          summary: '',
          tags: [],
          lang: 'en',
          category: 'user',
          marketplaces: [],
          translation: null,
        } as unknown as ArticleSummary)
      );
    },
    plainTextOf: (id) => documents.get(id)?.body ?? '',
  };
}

/**
 * The ids a query finds, sorted. Scores are left out on purpose: BM25 weights are computed when a
 * segment is built, with that segment's average field lengths, so a grown index may rank the same
 * matches slightly differently from a fresh build — but it must find exactly the same articles.
 */
function answer(index: ArticleSearch, query: string, catalog: SearchCatalog): string[] {
  return index
    .run({ text: query, limit: 50 }, glossary, catalog)
    .hits.map((hit) => hit.id)
    .sort();
}

describe('the article index under any sequence of changes', () => {
  it('finds exactly what a fresh build over the surviving documents finds (upserts, removals, compactions landing after later changes, a binary round trip)', () => {
    fc.assert(
      fc.property(
        fc.array(document, { minLength: 1, maxLength: 6 }),
        fc.array(step, { maxLength: 12 }),
        fc.constantFrom(...WORDS),
        (initial, steps, query) => {
          const surviving = new Map(initial.map((entry) => [entry.id, entry]));
          let grown = ArticleSearch.build(initial);
          let pending: { plan: Segment[]; merged: Segment } | null = null;
          for (const change of steps) {
            if (change.kind === 'upsert') {
              grown.upsert(change.documents);
              for (const entry of change.documents) surviving.set(entry.id, entry);
            } else if (change.kind === 'remove') {
              grown.remove(change.ids);
              for (const id of change.ids) surviving.delete(id);
            } else if (change.kind === 'startCompaction') {
              const plan = grown.compactionPlan();
              if (plan) pending = { plan, merged: mergeSegments(plan) };
            } else if (pending) {
              grown.replaceSegments(pending.plan, pending.merged);
              pending = null;
            }
          }
          const fresh = ArticleSearch.build([...surviving.values()]);
          const catalog = catalogOf(surviving);
          expect(grown.documentCount).toBe(surviving.size);
          expect(answer(grown, query, catalog)).toEqual(answer(fresh, query, catalog));
          for (let plan = grown.compactionPlan(); plan; plan = grown.compactionPlan())
            grown.replaceSegments(plan, mergeSegments(plan));
          expect(answer(grown, query, catalog), 'after every compaction').toEqual(answer(fresh, query, catalog));
          grown = ArticleSearch.load(grown.serialize());
          expect(answer(grown, query, catalog), 'after a binary round trip').toEqual(answer(fresh, query, catalog));
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });
});
