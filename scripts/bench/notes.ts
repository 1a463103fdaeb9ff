/** The notebook's SQLite full-text search: insert cost and query latency at 10,000 and 100,000 notes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNotebookDatabase } from '../../electron/core/notes/database.js';
import { Notebook } from '../../electron/core/notes/notebook.js';
import { int, makeVocab, mulberry32, noteBody, pick, type Rng } from './corpus.js';
import { EN_DOMAIN, ZH_DOMAIN } from './vocabulary.js';
import { percentile, round } from './measure.js';
import { shuffle } from './queries.js';

export interface NotesRow {
  notes: number;
  insertMs: number;
  p50Ms: number;
  p99Ms: number;
}

export type NoteQueryKind = 'zh2' | 'zh3-4' | 'en';

export interface NoteQuery {
  kind: NoteQueryKind;
  text: string;
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
  const runs = pick(rng, bodies)
    .match(/\p{Script=Han}+/gu)
    ?.filter((run) => run.length >= length);
  if (!runs || runs.length === 0) return null;
  const run = pick(rng, runs);
  const start = int(rng, 0, run.length - length);
  return run.slice(start, start + length);
}

/** 200 queries: a third 2-character Chinese words, a third 3–4 character ones, a third English words. */
export function noteQueries(rng: Rng, bodies: string[]): NoteQuery[] {
  const han = ZH_DOMAIN.filter((word) => /^\p{Script=Han}+$/u.test(word));
  const short = han.filter((word) => word.length === 2);
  const long = han.filter((word) => word.length >= 3 && word.length <= 4);
  const queries: NoteQuery[] = [];
  const third = Math.floor(QUERIES / 3);
  const fill = (kind: NoteQueryKind, count: number, make: () => string | null) => {
    for (let made = 0, attempts = 0; made < count && attempts < count * 50; attempts++) {
      const text = make();
      if (text) {
        queries.push({ kind, text });
        made++;
      }
    }
  };
  fill('zh2', third, () => (rng() < 0.5 ? pick(rng, short) : hanSubstring(rng, bodies, 2)));
  fill('zh3-4', third, () => (rng() < 0.5 ? pick(rng, long) : hanSubstring(rng, bodies, int(rng, 3, 4))));
  fill('en', QUERIES - 2 * third, () => {
    if (rng() < 0.5) return pick(rng, EN_DOMAIN);
    const words = pick(rng, bodies).match(/[a-z]{4,}/g);
    return words ? pick(rng, words) : null;
  });
  return shuffle(rng, queries);
}

/** p50/p99 per kind of note query, for the remarks. */
function byKind(count: number, queries: NoteQuery[], latencies: number[]): string {
  const parts = (['zh2', 'zh3-4', 'en'] as const).map((kind) => {
    const times = latencies.filter((_, index) => queries[index]!.kind === kind).sort((a, b) => a - b);
    return `${kind} p50 ${percentile(times, 0.5).toFixed(2)} / p99 ${percentile(times, 0.99).toFixed(2)} ms (max ${(times[times.length - 1] ?? NaN).toFixed(2)})`;
  });
  return `Notebook at ${count} notes by query kind: ${parts.join('; ')}.`;
}

export async function measureNotes(count: number, seed = 99): Promise<{ row: NotesRow; remark: string }> {
  const rng = mulberry32(seed + count);
  const vocab = makeVocab(seed, 10_000);
  const bodies = Array.from({ length: count }, () => noteBody(rng, vocab));
  const dir = mkdtempSync(join(tmpdir(), 'seller-kb-bench-'));
  const path = join(dir, 'notebook.db');
  let notebook: Notebook | null = null;
  try {
    notebook = new Notebook(await openNotebookDatabase(path), path);
    const book = notebook;
    const caseIds = Array.from(
      { length: CASES },
      (_, index) => book.createCase({ title: `案例 ${index + 1} case` }).id,
    );
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
    for (let index = 0; index < WARMUP; index++) book.searchNotes(queries[index % queries.length]!.text, SEARCH_LIMIT);
    const latencies: number[] = [];
    for (const query of queries) {
      const began = performance.now();
      book.searchNotes(query.text, SEARCH_LIMIT);
      latencies.push(performance.now() - began);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const row = {
      notes: count,
      insertMs: round(insertMs, 0),
      p50Ms: round(percentile(sorted, 0.5), 3),
      p99Ms: round(percentile(sorted, 0.99), 3),
    };
    return { row, remark: byKind(count, queries, latencies) };
  } finally {
    notebook?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
