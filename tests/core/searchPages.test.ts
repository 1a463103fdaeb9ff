/**
 * Matching and ranking drop early what could not reach the page asked for (passOf's floor, rank's
 * stop). Whatever they drop, a page of k hits must be the first k hits of a larger page. This holds
 * them to it over random libraries where every article matches (so that both pages come from the
 * same tiers: a looser tier runs only while a page is not full), with many near-equal scores and
 * titles that earn the boosts. Queries name no preferred language (the one read from the text
 * still applies): a preferred twin that only a looser tier found is lifted only where that tier
 * ran, so pages of different sizes may differ there (known, not tested).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../electron/common/index.js';
import { ArticleSearch, type SearchCatalog } from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';

const glossary = buildGlossaryIndex([]);
const WORDS = ['removal', 'order', 'funds', 'appeal', 'invoice', 'supplier', '移除', '订单', '资金', '申诉'];
// Every article holds "removal" and "移除" (see library), so each of these matches all of them.
const QUERIES = ['removal', '移除', 'removal 移除', 'remov', '移除 removal', 'removal 移除 removal'];

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(' '));
const library = fc.array(
  fc.record({
    title: words(1, 3),
    body: words(0, 12).map((rest) => `removal 移除 ${rest}`),
  }),
  { minLength: 210, maxLength: 260 },
);

function indexOf(documents: { title: string; body: string }[]) {
  const ids = documents.map((_, index) => `doc-${index}`);
  // Neighbours in pairs are each other's translation, an English and a Chinese one, as a bilingual library's twins are.
  const summaries = new Map(
    documents.map((document, index) => [
      ids[index]!,
      {
        id: ids[index]!,
        title: document.title,
        summary: '',
        tags: [],
        lang: index % 2 === 0 ? 'en' : 'zh',
        category: 'user',
        marketplaces: [],
        translation: ids[index ^ 1] ?? null,
      } as unknown as ArticleSummary,
    ]),
  );
  const catalog: SearchCatalog = {
    summaryOf: (id) => summaries.get(id),
    plainTextOf: (id) => documents[Number(id.slice(4))]?.body ?? '',
  };
  const index = ArticleSearch.build(
    documents.map((document, at) => ({
      id: ids[at]!,
      title: document.title,
      tags: '',
      summary: '',
      body: document.body,
    })),
  );
  return { index, catalog };
}

describe('a page of search hits', () => {
  it('is the head of any larger page, whatever matching and ranking dropped early', () => {
    fc.assert(
      fc.property(library, (documents) => {
        const { index, catalog } = indexOf(documents);
        const page = (text: string, size: number) =>
          index.run({ text, limit: size }, glossary, catalog).hits.map((hit) => [hit.id, hit.score]);
        for (const text of QUERIES) {
          const large = page(text, 200);
          for (const size of [1, 2, 3, 5, 8])
            expect(page(text, size), `${text} × ${size}`).toEqual(large.slice(0, size));
        }
      }),
      { numRuns: 30 },
    );
  });
});
