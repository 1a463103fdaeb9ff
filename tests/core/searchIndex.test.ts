import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../electron/common/index.js';
import { ArticleSearch, type SearchCatalog, type SearchDocument } from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';
import { SegmentBuilder } from '../../electron/core/search/segment.js';
import { readSegment, writeSegment } from '../../electron/core/search/segmentFile.js';
import { generateCorpus, mulberry32, pick, int } from '../../scripts/bench/corpus.js';
import { searchableText } from '../../scripts/bench/queries.js';

const glossary = buildGlossaryIndex([]);

/** The articles as the app holds them, kept in step with what the index was given. */
function catalogOf(documents: Map<string, SearchDocument>): SearchCatalog {
  return {
    summaryOf: (id) => {
      const document = documents.get(id);
      return (
        document &&
        ({
          id,
          title: document.title,
          summary: document.summary,
          tags: document.tags.split(' '),
          lang: 'zh',
          category: 'start',
          marketplaces: [],
          translation: null,
        } as unknown as ArticleSummary)
      );
    },
    plainTextOf: (id) => documents.get(id)?.body ?? '',
  };
}

/** Chinese substrings of 1–4 characters taken from the documents. */
function chineseQueries(documents: SearchDocument[], count: number, seed: number): string[] {
  const rng = mulberry32(seed);
  const queries = new Set<string>();
  while (queries.size < count) {
    const runs = pick(rng, documents).body.match(/\p{Script=Han}{4,}/gu);
    if (!runs) continue;
    const run = Array.from(pick(rng, runs));
    const length = int(rng, 1, 4);
    const start = int(rng, 0, run.length - length);
    queries.add(run.slice(start, start + length).join(''));
  }
  return [...queries];
}

/** Every query must return exactly the documents that hold it (when they fit in one page of 200). */
function expectExactSubstringResults(
  index: ArticleSearch,
  documents: Map<string, SearchDocument>,
  queries: string[],
): number {
  const texts = [...documents.values()].map((document) => ({
    id: document.id,
    text: searchableText({ ...document, lang: 'zh' }),
  }));
  const catalog = catalogOf(documents);
  let compared = 0;
  for (const query of queries) {
    const expected = texts.filter((entry) => entry.text.includes(query)).map((entry) => entry.id);
    if (expected.length > 200) continue;
    const found = index.run({ text: query, limit: 200 }, glossary, catalog).hits.map((hit) => hit.id);
    expect({ query, found: found.sort() }).toEqual({ query, found: expected.sort() });
    compared++;
  }
  return compared;
}

/** What a user-folder load does: build the new segment, then apply it. */
const upsert = (index: ArticleSearch, documents: SearchDocument[]) => index.upsert(documents);

const corpus = generateCorpus(400, 5).map(({ id, title, tags, summary, body }) => ({ id, title, tags, summary, body }));

describe('the article index', () => {
  it('returns exactly the articles holding a Chinese substring of 1–4 characters, after a binary round trip', () => {
    const documents = new Map(corpus.map((document) => [document.id, document]));
    const index = ArticleSearch.load(ArticleSearch.build(corpus).serialize());
    expect(index.documentCount).toBe(400);
    // Read from a file at any offset (a Buffer inside a larger one): the arrays still line up.
    const bytes = ArticleSearch.build(corpus.slice(0, 30)).serialize();
    const unaligned = Buffer.concat([Buffer.from('xyz'), bytes]).subarray(3);
    expect(ArticleSearch.load(unaligned).documentCount).toBe(30);
    expect(expectExactSubstringResults(index, documents, chineseQueries(corpus, 80, 1))).toBeGreaterThan(40);
  });

  it('stays exact through many user-folder changes, which add segments and merge them', () => {
    const documents = new Map(corpus.slice(0, 200).map((document) => [document.id, document]));
    const index = ArticleSearch.build([...documents.values()]);
    const rng = mulberry32(9);
    for (let round = 0; round < 12; round++) {
      const removed = Array.from({ length: 10 }, () => pick(rng, [...documents.keys()]));
      index.remove(removed);
      for (const id of removed) documents.delete(id);
      // Edited articles (new text under an old id) and new ones from the rest of the corpus.
      // Sometimes the same article twice in one batch: the last copy must win.
      const edited = Array.from({ length: 8 }, () => pick(rng, [...documents.values()])).map((document) => ({
        ...document,
        body: `${document.body} 第${round}轮修订`,
      }));
      const added = corpus.slice(200 + round * 10, 210 + round * 10);
      upsert(index, [...edited, ...added]);
      for (const document of [...edited, ...added]) documents.set(document.id, document);
    }
    expect(index.documentCount).toBe(documents.size);
    const queries = [...chineseQueries([...documents.values()], 60, 2), '轮修订', '修订', '订'];
    expectExactSubstringResults(index, documents, queries);
    expectExactSubstringResults(ArticleSearch.load(index.serialize()), documents, queries);
  });

  it('finds the same English articles whether it was built at once or grew by upserts', () => {
    const whole = ArticleSearch.build(corpus);
    const grown = ArticleSearch.build(corpus.slice(0, 100));
    for (let start = 100; start < corpus.length; start += 50) upsert(grown, corpus.slice(start, start + 50));
    const catalog = catalogOf(new Map(corpus.map((document) => [document.id, document])));
    // Words in a handful of articles, as typed and with a typo, so that every match fits in one page.
    const frequency = new Map<string, number>();
    for (const document of corpus)
      for (const word of new Set(document.body.toLowerCase().match(/[a-z]{6,}/g)))
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const rare = [...frequency]
      .filter(([, count]) => count >= 3 && count <= 20)
      .map(([word]) => word)
      .slice(0, 15);
    expect(rare.length).toBe(15);
    for (const text of [...rare, ...rare.map((word) => word.slice(0, 2) + word.slice(3))]) {
      const ids = (index: ArticleSearch) =>
        index
          .run({ text, limit: 200 }, glossary, catalog)
          .hits.map((hit) => hit.id)
          .sort();
      expect(ids(whole).length).toBeGreaterThan(0);
      expect({ text, ids: ids(grown) }).toEqual({ text, ids: ids(whole) });
    }
  });

  it('refuses a damaged index file with a clear error', () => {
    const bytes = ArticleSearch.build(corpus.slice(0, 20)).serialize();
    expect(() => ArticleSearch.load(bytes.slice(0, bytes.length / 2))).toThrow(
      /search index is damaged \(arrays run past the end\)/,
    );
    expect(() => ArticleSearch.load(new TextEncoder().encode('{"not":"an index"}'))).toThrow(/not a Seller KB index/);
    const builder = new SegmentBuilder();
    builder.addPosting('订单', builder.addDocument('only'), 8);
    const parts = readSegment(writeSegment(builder.buildParts()));
    expect(() => ArticleSearch.load(writeSegment({ ...parts, docs: Uint32Array.from([7]) }))).toThrow(
      /posting 0 names document 7 of 1/,
    );
  });
});
