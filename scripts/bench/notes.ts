/** The notebook's SQLite full-text search: insert cost and query latency at 10,000 and 100,000 notes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNotebookDatabase } from '../../electron/core/notes/database.js';
import { Notebook } from '../../electron/core/notes/notebook.js';
import { EN_DOMAIN, ZH_DOMAIN, int, makeVocab, mulberry32, noteBody, pick, type Rng } from './corpus.js';
import { percentile, round } from './measure.js';
import { shuffle } from './queries.js';

export interface NotesRow {
  notes: number;
  insertMs: number;
  p50Ms: number;
  p99Ms: number;
}

const CASES = 100;
const BATCH = 1_000;
const QUERIES = 200;
const WARMUP = 20;
const SEARCH_LIMIT = 20;
/** Above this many notes, inserts go in one transaction per BATCH notes. */
const SINGLE_INSERT_MAX = 10_000;

/** A random substring of `length` Han characters from the bodies, or null when the pick has none. */
function hanSubstring(rng: Rng, bodies: string[], length: number): string | null {
  const runs = pick(rng, bodies).match(/\p{Script=Han}+/gu)?.filter((run) => run.length >= length);
  if (!runs || runs.length === 0) return null;
  const run = pick(rng, runs);
  const start = int(rng, 0, run.length - length);
  return run.slice(start, start + length);
}

/** 200 queries: a third 2-character Chinese words, a third 3–4 character ones, a third English words. */
export function noteQueries(rng: Rng, bodies: string[]): string[] {
  const han = ZH_DOMAIN.filter((word) => /^\p{Script=Han}+$/u.test(word));
  const short = han.filter((word) => word.length === 2);
  const long = han.filter((word) => word.length >= 3 && word.length <= 4);
  const queries: string[] = [];
  const third = Math.floor(QUERIES / 3);
  const fill = (count: number, make: () => string | null) => {
    for (let made = 0, attempts = 0; made < count && attempts < count * 50; attempts++) {
      const query = make();
      if (query) {
        queries.push(query);
        made++;
      }
    }
  };
  fill(third, () => (rng() < 0.5 ? pick(rng, short) : hanSubstring(rng, bodies, 2)));
  fill(third, () => (rng() < 0.5 ? pick(rng, long) : hanSubstring(rng, bodies, int(rng, 3, 4))));
  fill(QUERIES - 2 * third, () => {
    if (rng() < 0.5) return pick(rng, EN_DOMAIN);
    const words = pick(rng, bodies).match(/[a-z]{4,}/g);
    return words ? pick(rng, words) : null;
  });
  return shuffle(rng, queries);
}

export async function measureNotes(count: number, seed = 99): Promise<NotesRow> {
  const rng = mulberry32(seed + count);
  const vocab = makeVocab(seed, 10_000);
  const bodies = Array.from({ length: count }, () => noteBody(rng, vocab));
  const dir = mkdtempSync(join(tmpdir(), 'seller-kb-bench-'));
  const path = join(dir, 'notebook.db');
  let notebook: Notebook | null = null;
  try {
    notebook = new Notebook(await openNotebookDatabase(path), path);
    const book = notebook;
    const caseIds = Array.from({ length: CASES }, (_, index) => book.createCase({ title: `案例 ${index + 1} case` }).id);
    const save = (index: number) => book.saveNote({ caseId: caseIds[index % CASES]!, body: bodies[index]! });

    const start = performance.now();
    if (count <= SINGLE_INSERT_MAX) {
      for (let index = 0; index < count; index++) save(index);
    } else {
      for (let from = 0; from < count; from += BATCH) {
        book.write(() => {
          for (let index = from; index < Math.min(count, from + BATCH); index++) save(index);
        });
      }
    }
    const insertMs = performance.now() - start;

    const queries = noteQueries(rng, bodies);
    for (let index = 0; index < WARMUP; index++) book.searchNotes(queries[index % queries.length]!, SEARCH_LIMIT);
    const latencies: number[] = [];
    for (const query of queries) {
      const began = performance.now();
      book.searchNotes(query, SEARCH_LIMIT);
      latencies.push(performance.now() - began);
    }
    latencies.sort((a, b) => a - b);
    return { notes: count, insertMs: round(insertMs, 0), p50Ms: round(percentile(latencies, 0.5), 3), p99Ms: round(percentile(latencies, 0.99), 3) };
  } finally {
    notebook?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
