/**
 * `npm run bench [-- --sizes 100,1000 --notes 10000 --out FILE]`: article search against its peers,
 * and the notebook's SQLite search, in one run. Everything is seeded, so every run searches the same
 * corpus with the same queries; only the timings vary.
 */
import { spawnSync } from 'node:child_process';
import { CORE_V8_FLAGS } from '../../electron/common/coreProcess.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHINESE_QUESTION_WORDS } from '../../electron/core/search/stopWords.js';
import { generateCorpus } from './corpus.js';
import { allEngines } from './engines.js';
import { measureEngine, percentile, score, type SearchRow } from './measure.js';
import { measureNotes, type NotesRow } from './notes.js';
import { generateQueries, sampleQueries, type BenchQuery } from './queries.js';
import { checkGoals, folderGoals, folderTable, goalsText, notesTable, searchTable, shippedTable } from './report.js';
import { measureShipped } from './shipped.js';
import { measurePathologicalFile, type FolderRow } from './folder.js';
import { KEYSTROKE_GOALS, measureKeystrokes } from './keystroke.js';
import { loadRealCorpus } from './realCorpus.js';
import { benchRealText, realTextReport } from './realText.js';

const FUSE_SAMPLE_FROM = 10_000;
const FUSE_SAMPLE = 30;
const FUSE_SAMPLE_WARMUP = 3;
const WARMUP = 20;
const ROUNDS = 3;

// Heap figures need global.gc: re-run this file under --expose-gc when it is missing.
if (typeof (globalThis as { gc?: unknown }).gc !== 'function' && !process.env.SELLER_KB_BENCH_CHILD) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', import.meta.resolve('tsx'), fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, SELLER_KB_BENCH_CHILD: '1' },
    },
  );
  process.exit(child.status ?? 1);
}

interface Args {
  out: string | null;
  sizes: number[];
  notes: number[];
  folders: number[];
  /** Documents of real text (0 skips it). */
  real: number;
  keystrokes: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    out: null,
    sizes: [100, 1_000, 10_000],
    notes: [10_000, 100_000],
    folders: [2_000, 10_000],
    real: 20_000,
    keystrokes: true,
  };
  const numbers = (value: string | undefined, flag: string) => {
    const list = (value ?? '').split(',').filter(Boolean).map(Number);
    if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 0))
      throw new Error(`${flag} takes a comma-separated list of whole numbers`);
    return list.filter((n) => n > 0);
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--out') {
      if (!value) throw new Error('--out takes a file name');
      args.out = value;
    } else if (flag === '--sizes') args.sizes = numbers(value, flag);
    else if (flag === '--notes') args.notes = numbers(value, flag);
    else if (flag === '--folders') args.folders = numbers(value, flag);
    else if (flag === '--real') args.real = numbers(value, flag)[0] ?? 0;
    else if (flag === '--no-keystrokes') {
      args.keystrokes = false;
      continue;
    } else
      throw new Error(
        `Unknown option ${flag}. Usage: bench [--sizes 100,1000,10000] [--notes 10000,100000] [--folders 2000] [--real 20000] [--no-keystrokes] [--out FILE]`,
      );
    index++;
  }
  return args;
}

/** A fingerprint of the code under test, so a result can be tied to the engine version it measured. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['electron/core/search', 'electron/core/notes']) {
    const url = new URL(`../../${dir}/`, import.meta.url);
    for (const name of readdirSync(url)
      .filter((file) => file.endsWith('.ts'))
      .sort())
      hash.update(name).update(readFileSync(new URL(name, url)));
  }
  return hash.digest('hex').slice(0, 12);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const hasQuestionWord = (text: string) => CHINESE_QUESTION_WORDS.some((word) => text.includes(word));

function describeQueries(size: number, queries: BenchQuery[]): string {
  const zh = queries.filter((query) => query.kind === 'zh');
  const meanTruth = zh.reduce((sum, query) => sum + query.truth.size, 0) / Math.max(1, zh.length);
  const count = (kind: string) => queries.filter((query) => query.kind === kind).length;
  return `${size} docs: ${queries.length} queries (${count('zh')} Chinese substrings, mean truth ${meanTruth.toFixed(1)} docs; ${count('typo')} English typos; ${count('mixed')} mixed, timing only)`;
}

/** seller-kb cuts Chinese question words and particles (的, 了, 可以…) out of queries; show their share of the precision. */
function questionWordRemark(size: number, queries: BenchQuery[], results: string[][]): string {
  const split = (wanted: boolean) => {
    const indexes = queries
      .map((query, index) => ({ query, index }))
      .filter(({ query }) => query.kind === 'zh' && hasQuestionWord(query.text) === wanted);
    const accuracy = score(
      indexes.map(({ query }) => query),
      indexes.map(({ index }) => results[index]!),
    );
    return `${indexes.length} queries: recall ${accuracy.zhRecall.toFixed(3)}, precision ${accuracy.zhPrecision.toFixed(3)}`;
  };
  return `seller-kb at ${size} docs, Chinese queries containing a question word/particle (${split(true)}) vs without (${split(false)}).`;
}

/** p50/p99 per kind of query, to show where an engine's tail comes from. */
function latencyByKind(engine: string, size: number, queries: BenchQuery[], latencies: number[]): string {
  const parts = (['zh', 'typo', 'mixed'] as const).map((kind) => {
    const times = latencies.filter((_, index) => queries[index]!.kind === kind).sort((a, b) => a - b);
    return `${kind} p50 ${percentile(times, 0.5).toFixed(2)} / p99 ${percentile(times, 0.99).toFixed(2)} ms (max ${(times[times.length - 1] ?? NaN).toFixed(2)})`;
  });
  return `${engine} at ${size} docs by query kind: ${parts.join('; ')}.`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const began = performance.now();
  const search: SearchRow[] = [];
  const remarks: string[] = [
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; heap via global.gc: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}; engine sources (electron/core/search + notes) sha256 ${sourceFingerprint()}.`,
    'Corpus: seeded synthetic articles (~50% zh, ~45% en, ~5% ja); Chinese text carries ~3% Latin terms (FBA, ASIN, listing, appeal…) as real seller writing does. Queries: seeded, generated from the corpus with known answers.',
    'Chinese substring queries are random 2–4 character cuts of filler text, not words users type: the bigram index matches their bigrams anywhere in a document, so precision here is a pessimistic figure.',
    'zh recall/precision use every id returned, up to 200; a query with nothing returned counts as precision 1 (its miss shows in recall). Typo recall: the source doc within the first 50 results.',
    'Typo queries: a word of 5+ letters with document frequency ≤ 20, one edit (two for 7+ letter words 40% of the time), never on the first letter.',
    'seller-kb: empty glossary; the catalog (summaries, and plainTextOf = the body, as the app gives it) is built with the documents and not counted in load/heap.',
    "fuse.js: the index holds the documents' text, but searching also needs the documents themselves (already in memory, not counted in heap).",
    `heapMB = heap used plus ArrayBuffers after load minus before (after gc), with the serialized index (text or bytes) in memory both times: seller-kb's typed arrays are views over the loaded bytes, like a memory-mapped file. Warm-up: ${WARMUP} queries, then ${ROUNDS} timed passes; a query's latency is its median over the passes (1 pass for fuse.js, whose latencies are hundreds of ms); p50/p99 are over queries (nearest rank).`,
  ];
  // First, while the process is as small as the app's: the large runs below leave a heap that GC pauses in.
  log('  shipped library …');
  const shipped = measureShipped();
  let lastResults: { size: number; queries: BenchQuery[]; results: string[][] } | null = null;
  let ourLatencies: number[] | null = null;

  for (const size of args.sizes) {
    const docs = generateCorpus(size);
    const queries = generateQueries(docs);
    remarks.push(describeQueries(size, queries));
    log(describeQueries(size, queries));
    for (const engine of allEngines()) {
      const sampled = engine.name === 'fuse.js' && size >= FUSE_SAMPLE_FROM;
      const used = sampled ? sampleQueries(queries, FUSE_SAMPLE) : queries;
      if (sampled)
        remarks.push(
          `fuse.js at ${size} docs: only ${used.length} of ${queries.length} queries (seeded sample, ${FUSE_SAMPLE_WARMUP} warm-up, 1 timed pass) were timed and scored — it scans every document per query.`,
        );
      log(`  ${engine.name} @ ${size} …`);
      const { row, results, latencies } = measureEngine(engine, docs, used, {
        warmup: sampled ? FUSE_SAMPLE_WARMUP : WARMUP,
        rounds: engine.name === 'fuse.js' ? 1 : ROUNDS,
      });
      search.push(row);
      log(
        `  ${engine.name} @ ${size}: build ${row.buildMs} ms, load ${row.loadMs} ms, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms`,
      );
      if (engine.name === 'seller-kb' || engine.name === 'minisearch-segmenter')
        remarks.push(latencyByKind(engine.name, size, used, latencies));
      if (engine.name === 'seller-kb') {
        lastResults = { size, queries: used, results };
        ourLatencies = latencies;
      }
    }
  }
  if (lastResults) remarks.push(questionWordRemark(lastResults.size, lastResults.queries, lastResults.results));

  const notes: NotesRow[] = [];
  for (const count of args.notes) {
    log(`  notebook @ ${count} notes …`);
    const { row, remark } = await measureNotes(count);
    notes.push(row);
    remarks.push(remark);
    log(`  notebook @ ${count}: insert ${row.insertMs} ms, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms`);
  }
  if (notes.some((row) => row.notes > 10_000))
    remarks.push(
      'Notebook: up to 10,000 notes each saveNote is its own transaction; above that, one notebook.write() transaction per 1,000 notes (insertMs covers the whole set).',
    );

  const folders = [];
  for (const files of args.folders) {
    log(`  user folder @ ${files} files …`);
    folders.push(measureFolderInItsOwnProcess(files, false));
  }
  const smallestFolder = Math.min(...args.folders);
  log(`  user folder @ ${smallestFolder} files + one pathological file …`);
  folders.push(measureFolderInItsOwnProcess(smallestFolder, true));
  const pathological = measurePathologicalFile();
  const ours = search.filter((row) => row.engine === 'seller-kb').at(-1);
  if (ours)
    remarks.push(
      `The longest the core's thread is busy at once at ${ours.docs} docs: loading the index (${ours.loadMs} ms, once at start, while the window is already open) and the slowest query (${Math.max(...(ourLatencies ?? [NaN])).toFixed(2)} ms). Searching runs in the core (Electron's main process, or the web server), never on the renderer's UI thread.`,
    );
  log(args.real > 0 ? `  real text @ ${args.real} docs …` : '  real text skipped (--real 0)');
  const real = args.real > 0 ? benchRealText(loadRealCorpus(args.real)) : [];
  log(args.keystrokes ? '  keystroke to paint in Chromium …' : '  keystrokes skipped');
  const keystrokes = args.keystrokes
    ? await measureKeystrokes(fileURLToPath(new URL('../../', import.meta.url)))
    : null;
  const goals = [...checkGoals(search, notes, shipped), ...folderGoals(folders, pathological)];
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  remarks.push(`Total run time: ${seconds} s.`);

  console.log('\nArticle search\n');
  console.log(searchTable(search));
  console.log('\nShipped library (prebuilt, through KnowledgeBase)\n');
  console.log(shippedTable(shipped));
  console.log('\nUser folder (added through the core; restart reads the cache)\n');
  console.log(folderTable(folders));
  console.log(
    `\nThe costliest pathological file (${pathological.shape}, ${pathological.chars.toLocaleString('en')} characters): ${pathological.ms} ms to read, render and sanitize`,
  );
  console.log('\nNotebook search (SQLite)\n');
  console.log(notesTable(notes));
  if (real.length > 0) console.log(`\n${realTextReport(real)}`);
  if (keystrokes) {
    console.log('\nKeystroke to painted results (real Chromium, shipped library, header search)\n');
    console.log(
      `${keystrokes.samples} keystrokes: p50 ${keystrokes.p50Ms} ms (goal ≤ ${KEYSTROKE_GOALS.p50Ms}: ${keystrokes.p50Ms <= KEYSTROKE_GOALS.p50Ms ? 'met' : 'NOT met'}), p99 ${keystrokes.p99Ms} ms (goal ≤ ${KEYSTROKE_GOALS.p99Ms}: ${keystrokes.p99Ms <= KEYSTROKE_GOALS.p99Ms ? 'met' : 'NOT met'})`,
    );
  }
  console.log('\nGoals (seller-kb at the largest size)\n');
  console.log(goalsText(goals));
  console.log('\nRemarks\n');
  console.log(remarks.map((remark) => `- ${remark}`).join('\n'));

  if (args.out) {
    const rows = search.map(({ queries: _queries, ...row }) => row);
    writeFileSync(
      args.out,
      `${JSON.stringify({ search: rows, notes, shipped, folders, pathological, real, keystrokes, remarks, goals }, null, 2)}\n`,
    );
    console.log(`\nWrote ${args.out}`);
  }
}

await main();

/** measureUserFolder in a fresh process (scripts/bench/folderProcess.ts), as the app's core runs: with its V8 flags. */
function measureFolderInItsOwnProcess(files: number, pathological: boolean): FolderRow {
  const script = fileURLToPath(new URL('./folderProcess.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    [...CORE_V8_FLAGS, '--import', 'tsx', script, String(files), pathological ? 'pathological' : ''],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`the folder measurement at ${files} files failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as FolderRow;
}
