/** Measures one engine on one corpus: build, size, load, heap, latency and accuracy. */
import type { BenchDoc } from './corpus.js';
import type { Engine, Searcher, Serialized } from './engines.js';
import { RESULT_LIMIT } from './engines.js';
import type { BenchQuery } from './queries.js';

/** What every engine row reports, on the synthetic corpus and on real text alike. */
export interface EngineRow {
  engine: string;
  docs: number;
  buildMs: number;
  sizeMB: number;
  loadMs: number;
  heapMB: number;
  p50Ms: number;
  p99Ms: number;
  zhRecall: number;
  zhPrecision: number;
}

export interface SearchRow extends EngineRow {
  typoRecall: number;
  /** How many queries were timed and scored (less than all when sampled). */
  queries: number;
}

export interface MeasureOptions {
  warmup: number;
  /** Timed passes over the queries; each query's latency is its median. */
  rounds: number;
}

const TYPO_LIMIT = 50;
const MB = 1024 * 1024;

/** Collects garbage when the process runs with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** JS heap plus ArrayBuffers: typed-array indexes live outside the heap and must count too. */
export function heapUsed(): number {
  collectGarbage();
  const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
  return heap + arrayBuffers;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

interface Accuracy {
  zhRecall: number;
  zhPrecision: number;
  typoRecall: number;
}

/** Recall and precision against the truth sets; an empty result counts as precise (it returned nothing wrong). */
export function score(queries: BenchQuery[], results: string[][]): Accuracy {
  let zhCount = 0;
  let recall = 0;
  let precision = 0;
  let typoCount = 0;
  let typoHits = 0;
  queries.forEach((query, index) => {
    const returned = results[index]!;
    if (query.kind === 'zh') {
      const kept = returned.slice(0, RESULT_LIMIT);
      const found = kept.filter((id) => query.truth.has(id)).length;
      zhCount++;
      recall += query.truth.size === 0 ? 1 : found / query.truth.size;
      precision += kept.length === 0 ? 1 : found / kept.length;
    } else if (query.kind === 'typo') {
      typoCount++;
      if (returned.slice(0, TYPO_LIMIT).some((id) => query.truth.has(id))) typoHits++;
    }
  });
  return {
    zhRecall: zhCount ? recall / zhCount : NaN,
    zhPrecision: zhCount ? precision / zhCount : NaN,
    typoRecall: typoCount ? typoHits / typoCount : NaN,
  };
}

/**
 * Runs every query `rounds` times after `warmup` untimed queries; each query's latency is its median
 * over the rounds (so one scheduler hiccup on a shared machine does not become the p99).
 */
export function runQueries(
  searcher: Searcher,
  queries: BenchQuery[],
  warmup: number,
  rounds = 1,
): { latencies: number[]; results: string[][] } {
  for (let index = 0; index < warmup && queries.length > 0; index++)
    searcher.search(queries[index % queries.length]!.text);
  const times: number[][] = queries.map(() => []);
  const results: string[][] = [];
  for (let round = 0; round < rounds; round++) {
    queries.forEach((query, index) => {
      const start = performance.now();
      const ids = searcher.search(query.text);
      times[index]!.push(performance.now() - start);
      if (round === 0) results.push(ids);
    });
  }
  const latencies = times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
  return { latencies, results };
}

/** Builds and serializes; the built index is unreachable once this returns. */
function buildAndSerialize(engine: Engine, docs: BenchDoc[]): { buildMs: number; serialized: Serialized } {
  collectGarbage();
  const start = performance.now();
  const built = engine.build(docs);
  const buildMs = performance.now() - start;
  return { buildMs, serialized: built.serialize() };
}

export function measureEngine(
  engine: Engine,
  docs: BenchDoc[],
  queries: BenchQuery[],
  options: MeasureOptions,
): { row: SearchRow; results: string[][]; latencies: number[] } {
  const { buildMs, serialized } = buildAndSerialize(engine, docs);
  const sizeMB = (typeof serialized === 'string' ? Buffer.byteLength(serialized, 'utf8') : serialized.byteLength) / MB;

  // The serialized text exists before and after (like a file read into memory), so only the loaded index counts.
  const before = heapUsed();
  const start = performance.now();
  const searcher = engine.load(serialized);
  const loadMs = performance.now() - start;
  const after = heapUsed();

  const { latencies, results } = runQueries(searcher, queries, options.warmup, options.rounds);
  const sorted = [...latencies].sort((a, b) => a - b);
  const row: SearchRow = {
    engine: engine.name,
    docs: docs.length,
    buildMs: round(buildMs, 0),
    sizeMB: round(sizeMB),
    loadMs: round(loadMs, 1),
    heapMB: round((after - before) / MB, 1),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
    ...roundAccuracy(score(queries, results)),
    queries: queries.length,
  };
  return { row, results, latencies };
}

function roundAccuracy(accuracy: Accuracy): Accuracy {
  return {
    zhRecall: round(accuracy.zhRecall, 3),
    zhPrecision: round(accuracy.zhPrecision, 3),
    typoRecall: round(accuracy.typoRecall, 3),
  };
}
