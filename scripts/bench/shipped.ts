/**
 * The shipped library as the app opens it: the prebuilt file read, parsed and its index loaded
 * (what happens at start before the first search), then the labelled relevance queries timed.
 */
import { KnowledgeBase } from '../../electron/core/content/knowledgeBase.js';
import { readPrebuiltLibrary } from '../../electron/core/content/library.js';
import { findAppRoot, prebuiltLibraryPath } from '../../electron/core/paths.js';
import { RELEVANCE_QUERIES } from '../../tests/core/relevanceQueries.js';
import { percentile, round } from './measure.js';

export interface ShippedRow {
  articles: number;
  readyMs: number;
  p50Ms: number;
  p99Ms: number;
  queries: number;
}

const ROUNDS = 5;

export function measureShipped(): ShippedRow {
  const path = prebuiltLibraryPath(findAppRoot(process.cwd()));
  const start = performance.now();
  const prebuilt = readPrebuiltLibrary(path);
  if (!prebuilt) throw new Error(`${path} is missing or of another format: run npm run build first`);
  const library = KnowledgeBase.open(prebuilt.library);
  const readyMs = performance.now() - start;
  const search = (text: string) => library.find({ text, preferLang: /[a-z]{3}/i.test(text) ? 'en' : 'zh' });
  for (const { query } of RELEVANCE_QUERIES) search(query);
  const latencies = RELEVANCE_QUERIES.map(({ query }) => {
    const times = Array.from({ length: ROUNDS }, () => {
      const began = performance.now();
      search(query);
      return performance.now() - began;
    }).sort((a, b) => a - b);
    return times[Math.floor(ROUNDS / 2)]!;
  }).sort((a, b) => a - b);
  return {
    articles: library.info().articleCount,
    readyMs: round(readyMs, 1),
    p50Ms: round(percentile(latencies, 0.5), 3),
    p99Ms: round(percentile(latencies, 0.99), 3),
    queries: latencies.length,
  };
}
