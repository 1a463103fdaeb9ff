/**
 * The engines under test behind one interface: ours, and the peers a user would pick instead.
 * Every adapter returns document ids, best first.
 */
import Fuse, { type FuseIndex } from 'fuse.js';
import MiniSearch, { type Options } from 'minisearch';
import type { ArticleSummary } from '../../electron/common/index.js';
import { ArticleSearch, type SearchCatalog } from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';
import type { BenchDoc } from './corpus.js';

export interface Searcher {
  search(text: string): string[];
}

/** What an engine writes to disk: JSON text, or bytes for seller-kb's binary index. */
export type Serialized = string | Uint8Array;

export interface Built {
  serialize(): Serialized;
}

export interface Engine {
  name: string;
  /** Indexes the documents (what the build step or first start does). */
  build(docs: BenchDoc[]): Built;
  /** Parses and loads a serialized index (what every start does). */
  load(serialized: Serialized): Searcher;
}

/** Results kept per query, as seller-kb's own maximum. */
export const RESULT_LIMIT = 200;
const FIELDS = ['title', 'tags', 'summary', 'body'];

function summaryOf(doc: BenchDoc): ArticleSummary {
  return {
    id: doc.id,
    title: doc.title,
    lang: doc.lang === 'en' ? 'en' : 'zh',
    category: 'start',
    tags: doc.tags.split(' '),
    summary: doc.summary,
    updated: '2025-01-01',
    asOf: null,
    marketplaces: [],
    translation: null,
    path: `content/${doc.id}.md`,
    folder: null,
  };
}

/** seller-kb: ArticleSearch with an empty glossary; the catalog is what the app holds anyway. */
export function sellerKb(): Engine {
  let catalog: SearchCatalog = { summaryOf: () => undefined, plainTextOf: () => '' };
  const glossary = buildGlossaryIndex([]);
  return {
    name: 'seller-kb',
    build(docs) {
      const summaries = new Map(docs.map((doc) => [doc.id, summaryOf(doc)]));
      const bodies = new Map(docs.map((doc) => [doc.id, doc.body]));
      catalog = { summaryOf: (id) => summaries.get(id), plainTextOf: (id) => bodies.get(id) ?? '' };
      const index = ArticleSearch.build(
        docs.map(({ id, title, tags, summary, body }) => ({ id, title, tags, summary, body })),
      );
      return { serialize: () => index.serialize() };
    },
    load(serialized) {
      const index = ArticleSearch.load(typeof serialized === 'string' ? Buffer.from(serialized) : serialized);
      return {
        search: (text) => index.run({ text, limit: RESULT_LIMIT }, glossary, catalog).hits.map((hit) => hit.id),
      };
    },
  };
}

function miniSearchEngine(
  name: string,
  options: Options<BenchDoc>,
  search: (index: MiniSearch<BenchDoc>, text: string) => string[],
): Engine {
  return {
    name,
    build(docs) {
      const index = new MiniSearch<BenchDoc>(options);
      index.addAll(docs);
      return { serialize: () => JSON.stringify(index) };
    },
    load(serialized) {
      const index = MiniSearch.loadJSON<BenchDoc>(String(serialized), options);
      return { search: (text) => search(index, text) };
    },
  };
}

/** minisearch as installed: default tokenizer (splits on spaces and punctuation), default search. */
export function miniSearchDefault(): Engine {
  return miniSearchEngine('minisearch-default', { fields: FIELDS, storeFields: [] }, (index, text) =>
    index
      .search(text)
      .slice(0, RESULT_LIMIT)
      .map((result) => String(result.id)),
  );
}

/** The common CJK recipe: Intl.Segmenter words, prefix + fuzzy, every word required. */
export function miniSearchSegmenter(): Engine {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const tokenize = (text: string) =>
    Array.from(segmenter.segment(text))
      .filter((segment) => segment.isWordLike)
      .map((segment) => segment.segment.toLowerCase());
  const options: Options<BenchDoc> = {
    fields: FIELDS,
    storeFields: [],
    tokenize,
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  };
  return miniSearchEngine('minisearch-segmenter', options, (index, text) =>
    index
      .search(text)
      .slice(0, RESULT_LIMIT)
      .map((result) => String(result.id)),
  );
}

/** fuse.js: fuzzy scan over every document; its index is the documents' text split by key. */
export function fuseJs(): Engine {
  const options = { keys: FIELDS, includeScore: true, threshold: 0.3, ignoreLocation: true };
  let documents: BenchDoc[] = [];
  return {
    name: 'fuse.js',
    build(docs) {
      documents = docs;
      const index = Fuse.createIndex(FIELDS, docs);
      new Fuse(docs, options, index);
      return { serialize: () => JSON.stringify(index.toJSON()) };
    },
    load(serialized) {
      const index: FuseIndex<BenchDoc> = Fuse.parseIndex<BenchDoc>(
        JSON.parse(String(serialized)) as Parameters<typeof Fuse.parseIndex>[0],
      );
      const fuse = new Fuse(documents, options, index);
      return { search: (text) => fuse.search(text, { limit: RESULT_LIMIT }).map((result) => result.item.id) };
    },
  };
}

export function allEngines(): Engine[] {
  return [sellerKb(), miniSearchDefault(), miniSearchSegmenter(), fuseJs()];
}
