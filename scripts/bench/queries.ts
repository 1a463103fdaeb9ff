/**
 * Queries with known answers, generated from a corpus: Chinese substrings (truth = every document
 * containing the exact substring), English words with typos (truth = the document the word was
 * taken from), and mixed Latin + Chinese queries (timing only).
 */
import { int, mulberry32, pick, type BenchDoc, type Rng } from './corpus.js';
import { EN_DOMAIN, ZH_DOMAIN } from './vocabulary.js';

export type QueryKind = 'zh' | 'typo' | 'mixed';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** zh: every matching document; typo: the source document; mixed: empty (timing only). */
  truth: Set<string>;
  /** typo only: the word before the edits. */
  original?: string;
}

export interface QueryPlanCounts {
  zh: number;
  typo: number;
  mixed: number;
}

export const DEFAULT_COUNTS: QueryPlanCounts = { zh: 100, typo: 70, mixed: 30 };
const MAX_TRUTH = 150;
const MAX_TYPO_DF = 20;
const HAN_RUN = /\p{Script=Han}{2,}/gu;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The text a substring is looked for in: every field, NFKC lower-cased, fields kept apart. */
export function searchableText(doc: BenchDoc): string {
  return `${doc.title}\n${doc.tags}\n${doc.summary}\n${doc.body}`.normalize('NFKC').toLowerCase();
}

export function zhQuery(rng: Rng, docs: BenchDoc[], zhDocs: BenchDoc[], texts: string[]): BenchQuery | null {
  const doc = pick(rng, zhDocs);
  const field = pick(rng, [doc.title, doc.summary, doc.body, doc.body, doc.body]);
  const runs = field.match(HAN_RUN);
  if (!runs) return null;
  const run = Array.from(pick(rng, runs));
  const length = Math.min(run.length, int(rng, 2, 4));
  const start = int(rng, 0, run.length - length);
  const text = run
    .slice(start, start + length)
    .join('')
    .normalize('NFKC')
    .toLowerCase();
  const truth = new Set<string>();
  for (let index = 0; index < docs.length; index++) {
    if (texts[index]!.includes(text)) truth.add(docs[index]!.id);
    if (truth.size > MAX_TRUTH) return null;
  }
  return truth.size >= 1 ? { kind: 'zh', text, truth } : null;
}

/** One random edit that keeps the first letter: substitution, insertion, deletion or transposition. */
function edit(rng: Rng, word: string): string {
  for (;;) {
    const kind = int(rng, 0, 3);
    const at = int(rng, 1, word.length - 1);
    const letter = pick(rng, Array.from(LETTERS));
    let result = word;
    if (kind === 0) result = word.slice(0, at) + letter + word.slice(at + 1);
    else if (kind === 1) result = word.slice(0, at) + letter + word.slice(at);
    else if (kind === 2) result = word.slice(0, at) + word.slice(at + 1);
    else if (at + 1 < word.length) result = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (result !== word) return result;
  }
}

/** Document frequency of each lower-cased Latin word across every field. */
function documentFrequencies(texts: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const text of texts)
    for (const word of new Set(text.match(/[a-z]+/g) ?? [])) df.set(word, (df.get(word) ?? 0) + 1);
  return df;
}

function typoQuery(rng: Rng, enDocs: BenchDoc[], df: Map<string, number>): BenchQuery | null {
  const doc = pick(rng, enDocs);
  const candidates = [...new Set(doc.body.toLowerCase().match(/[a-z]{5,}/g) ?? [])].filter(
    (word) => (df.get(word) ?? 0) <= MAX_TYPO_DF,
  );
  if (candidates.length === 0) return null;
  const original = pick(rng, candidates);
  // One edit, or two for words of 7+ letters 40% of the time.
  const edits = original.length >= 7 && rng() < 0.4 ? 2 : 1;
  let text = original;
  for (let index = 0; index < edits; index++) text = edit(rng, text);
  if (text === original) return null;
  return { kind: 'typo', text, truth: new Set([doc.id]), original };
}

function mixedQuery(rng: Rng): BenchQuery {
  const latin = pick(rng, EN_DOMAIN);
  const chinese = pick(
    rng,
    ZH_DOMAIN.filter((word) => /^\p{Script=Han}+$/u.test(word)),
  );
  return { kind: 'mixed', text: rng() < 0.5 ? `${latin} ${chinese}` : `${chinese}${latin}`, truth: new Set() };
}

/** About 200 queries for a corpus, deterministic for a given seed. */
export function generateQueries(docs: BenchDoc[], seed = 7, counts: QueryPlanCounts = DEFAULT_COUNTS): BenchQuery[] {
  const rng = mulberry32(seed);
  const texts = docs.map(searchableText);
  const zhDocs = docs.filter((doc) => doc.lang === 'zh');
  const enDocs = docs.filter((doc) => doc.lang === 'en');
  const df = documentFrequencies(texts);
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  const collect = (count: number, make: () => BenchQuery | null) => {
    let kept = 0;
    for (let attempt = 0; kept < count && attempt < count * 50; attempt++) {
      const query = make();
      if (!query || seen.has(`${query.kind}:${query.text}`)) continue;
      seen.add(`${query.kind}:${query.text}`);
      queries.push(query);
      kept++;
    }
  };
  if (zhDocs.length > 0) collect(counts.zh, () => zhQuery(rng, docs, zhDocs, texts));
  if (enDocs.length > 0) collect(counts.typo, () => typoQuery(rng, enDocs, df));
  collect(counts.mixed, () => mixedQuery(rng));
  // Interleave kinds so a timing sample or warm-up sees every kind.
  return shuffle(mulberry32(seed + 1), queries);
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(rng() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** A deterministic sample of `count` queries keeping the mix of kinds. */
export function sampleQueries(queries: BenchQuery[], count: number, seed = 11): BenchQuery[] {
  return queries.length <= count ? queries : shuffle(mulberry32(seed), queries).slice(0, count);
}
