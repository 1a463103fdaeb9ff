/**
 * Search on real text (see realCorpus.ts) against brute-force truth: Chinese substrings (recall and
 * precision), English words as typed (recall in the first 200, and precision in the first |truth|:
 * every article holding the word must come before any that does not), and one typo at any position
 * of a word — insertion, deletion, substitution or swap (found in the first 10).
 */
import { mulberry32, pick, type BenchDoc, type Rng } from './corpus.js';
import { miniSearchSegmenter, RESULT_LIMIT, sellerKb, type Engine } from './engines.js';
import { heapUsed, percentile, round, runQueries, type EngineRow } from './measure.js';
import { searchableText, shuffle, zhQuery, type BenchQuery } from './queries.js';
import { flexSearch, sqliteTrigram } from './realEngines.js';

export type EditKind = 'insertion' | 'deletion' | 'substitution' | 'swap';
const EDIT_KINDS: EditKind[] = ['insertion', 'deletion', 'substitution', 'swap'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const TYPO_LIMIT = 10;
const MB = 1024 * 1024;

interface RealQuery extends BenchQuery {
  /** For typo queries, which edit made it. */
  edit?: EditKind;
  /** For English words, 'word'. */
  word?: boolean;
}

export interface RealRow extends EngineRow {
  enRecall200: number;
  enPrecision: number;
  typoAt10: number;
  typoByEdit: Record<EditKind, number>;
}

const wordsOf = (text: string) => text.match(/[a-z]+/g) ?? [];

/** One edit at any position, first and last letters included. */
function editAt(rng: Rng, word: string, kind: EditKind): string {
  const at = Math.floor(rng() * word.length);
  const letter = pick(rng, Array.from(LETTERS));
  if (kind === 'insertion') return word.slice(0, at) + letter + word.slice(at);
  if (kind === 'deletion') return word.slice(0, at) + word.slice(at + 1);
  if (kind === 'substitution')
    return (
      word.slice(0, at) +
      (letter === word[at] ? LETTERS[(LETTERS.indexOf(letter) + 1) % 26] : letter) +
      word.slice(at + 1)
    );
  const swapAt = Math.min(at, word.length - 2);
  return word.slice(0, swapAt) + word[swapAt + 1] + word[swapAt] + word.slice(swapAt + 2);
}

/** Chinese substrings, English words (document frequency 3–150) and typos of rarer words, each with its truth. */
export function realQueries(docs: BenchDoc[], seed = 5): RealQuery[] {
  const rng = mulberry32(seed);
  const texts = docs.map(searchableText);
  const zhDocs = docs.filter((doc) => doc.lang === 'zh');
  const wordSets = texts.map((text) => new Set(wordsOf(text)));
  const holders = new Map<string, string[]>();
  wordSets.forEach((words, index) =>
    words.forEach((word) => (holders.get(word) ?? holders.set(word, []).get(word)!).push(docs[index]!.id)),
  );
  const queries: RealQuery[] = [];
  const seen = new Set<string>();
  const add = (query: RealQuery | null) => {
    if (!query || seen.has(query.text)) return false;
    seen.add(query.text);
    queries.push(query);
    return true;
  };
  for (let kept = 0, tries = 0; kept < 100 && tries < 5_000; tries++)
    if (add(zhQuery(rng, docs, zhDocs, texts))) kept++;
  const common = [...holders]
    .filter(([word, ids]) => word.length >= 3 && ids.length >= 3 && ids.length <= 150)
    .map(([word]) => word)
    .sort();
  for (let kept = 0, tries = 0; kept < 100 && tries < 5_000; tries++) {
    const word = pick(rng, common);
    if (add({ kind: 'zh', word: true, text: word, truth: new Set(holders.get(word)) })) kept++;
  }
  const rare = [...holders]
    .filter(([word, ids]) => word.length >= 5 && ids.length <= 20)
    .map(([word]) => word)
    .sort();
  for (const edit of EDIT_KINDS) {
    for (let kept = 0, tries = 0; kept < 40 && tries < 5_000; tries++) {
      const word = pick(rng, rare);
      const typed = editAt(rng, word, edit);
      // An edit that makes another real word is not a typo any engine could be blamed for.
      if (holders.has(typed)) continue;
      if (add({ kind: 'typo', edit, text: typed, original: word, truth: new Set(holders.get(word)) })) kept++;
    }
  }
  return shuffle(mulberry32(seed + 1), queries);
}

function measureReal(engine: Engine, docs: BenchDoc[], queries: RealQuery[]): RealRow {
  const buildStart = performance.now();
  const serialized = engine.build(docs).serialize();
  const buildMs = performance.now() - buildStart;
  const before = heapUsed();
  const loadStart = performance.now();
  const searcher = engine.load(serialized);
  const loadMs = performance.now() - loadStart;
  const heapMB = (heapUsed() - before) / MB;
  const { latencies, results } = runQueries(searcher, queries, 20, 3);
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
  const zh: { recall: number; precision: number }[] = [];
  const en: { recall: number; precision: number }[] = [];
  const typos = new Map<EditKind, boolean[]>(EDIT_KINDS.map((kind) => [kind, []]));
  queries.forEach((query, index) => {
    const returned = results[index]!.slice(0, RESULT_LIMIT);
    if (query.kind === 'typo') {
      typos.get(query.edit!)!.push(returned.slice(0, TYPO_LIMIT).some((id) => query.truth.has(id)));
      return;
    }
    const found = returned.filter((id) => query.truth.has(id)).length;
    if (query.word) {
      const head = returned.slice(0, query.truth.size);
      en.push({
        recall: found / Math.min(query.truth.size, RESULT_LIMIT),
        precision: head.length ? head.filter((id) => query.truth.has(id)).length / query.truth.size : 0,
      });
    } else zh.push({ recall: found / query.truth.size, precision: returned.length ? found / returned.length : 1 });
  });
  const typoByEdit = Object.fromEntries(
    EDIT_KINDS.map((kind) => [kind, round(mean(typos.get(kind)!.map(Number)), 3)]),
  ) as Record<EditKind, number>;
  return {
    engine: engine.name,
    docs: docs.length,
    buildMs: round(buildMs, 0),
    sizeMB: round((typeof serialized === 'string' ? Buffer.byteLength(serialized) : serialized.byteLength) / MB),
    loadMs: round(loadMs, 1),
    heapMB: round(heapMB, 1),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
    zhRecall: round(mean(zh.map((entry) => entry.recall)), 3),
    zhPrecision: round(mean(zh.map((entry) => entry.precision)), 3),
    enRecall200: round(mean(en.map((entry) => entry.recall)), 3),
    enPrecision: round(mean(en.map((entry) => entry.precision)), 3),
    typoAt10: round(mean([...typos.values()].flat().map(Number)), 3),
    typoByEdit,
  };
}

/** Every engine on the same real corpus and queries. */
export function benchRealText(docs: BenchDoc[]): RealRow[] {
  const queries = realQueries(docs);
  return [sellerKb(), miniSearchSegmenter(), flexSearch(), sqliteTrigram()].map((engine) => {
    console.log(`bench: real text, ${engine.name} …`);
    return measureReal(engine, docs, queries);
  });
}

export const REAL_GOALS = {
  zhRecall: 1,
  zhPrecision: 1,
  enRecall200: 0.99,
  typoAt10: 0.97,
  p99Ms: 2,
  loadMs: 200,
  heapMB: 50,
};

/** The table, and each goal for seller-kb met or not. */
export function realTextReport(rows: RealRow[]): string {
  const header =
    '| engine | docs | build ms | size MB | load ms | heap MB | p50 ms | p99 ms | zh recall | zh precision | en recall@200 | en precision | typo@10 | ins / del / sub / swap |';
  const lines = rows.map(
    (row) =>
      `| ${row.engine} | ${row.docs} | ${row.buildMs} | ${row.sizeMB} | ${row.loadMs} | ${row.heapMB} | ${row.p50Ms} | ${row.p99Ms} | ${row.zhRecall} | ${row.zhPrecision} | ${row.enRecall200} | ${row.enPrecision} | ${row.typoAt10} | ${EDIT_KINDS.map((kind) => row.typoByEdit[kind]).join(' / ')} |`,
  );
  const ours = rows.find((row) => row.engine === 'seller-kb');
  const goals = ours
    ? [
        ['zh recall', ours.zhRecall >= REAL_GOALS.zhRecall, `${ours.zhRecall} (goal 1.0)`],
        ['zh precision', ours.zhPrecision >= REAL_GOALS.zhPrecision, `${ours.zhPrecision} (goal 1.0)`],
        ['en exact-word recall@200', ours.enRecall200 >= REAL_GOALS.enRecall200, `${ours.enRecall200} (goal ≥ 0.99)`],
        ['typo@10', ours.typoAt10 >= REAL_GOALS.typoAt10, `${ours.typoAt10} (goal ≥ 0.97)`],
        ['p99', ours.p99Ms <= REAL_GOALS.p99Ms, `${ours.p99Ms} ms (goal ≤ 2)`],
        ['load', ours.loadMs <= REAL_GOALS.loadMs, `${ours.loadMs} ms (goal ≤ 200)`],
        ['heap', ours.heapMB <= REAL_GOALS.heapMB, `${ours.heapMB} MB (goal ≤ 50)`],
      ].map(([name, met, value]) => `- ${met ? 'met' : 'NOT met'}: ${name} ${value}`)
    : [];
  return [
    'Real text (State of the Union passages + Complete Tang Poems):',
    header,
    `|${'---|'.repeat(14)}`,
    ...lines,
    '',
    'Goals at this size, seller-kb:',
    ...goals,
  ].join('\n');
}
