/** Tables and the goals check, as plain text. */
import type { SearchRow } from './measure.js';
import type { NotesRow } from './notes.js';
import type { FolderRow } from './folder.js';
import type { ShippedRow } from './shipped.js';

export interface GoalLine {
  goal: string;
  met: boolean | null;
  detail: string;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? (Number.isNaN(cell) ? '—' : String(cell)) : cell)),
  );
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}

export function searchTable(rows: SearchRow[]): string {
  return table(
    [
      'engine',
      'docs',
      'build ms',
      'size MB',
      'load ms',
      'heap MB',
      'p50 ms',
      'p99 ms',
      'zh recall',
      'zh precision',
      'typo recall',
      'queries',
    ],
    rows.map((row) => [
      row.engine,
      row.docs,
      row.buildMs,
      row.sizeMB,
      row.loadMs,
      row.heapMB,
      row.p50Ms,
      row.p99Ms,
      row.zhRecall,
      row.zhPrecision,
      row.typoRecall,
      row.queries,
    ]),
  );
}

export function notesTable(rows: NotesRow[]): string {
  return table(
    ['notes', 'insert ms', 'p50 ms', 'p99 ms'],
    rows.map((row) => [row.notes, row.insertMs, row.p50Ms, row.p99Ms]),
  );
}

const check = (goal: string, met: boolean, detail: string): GoalLine => ({ goal, met, detail });
const missing = (goal: string, detail: string): GoalLine => ({ goal, met: null, detail });

export function folderTable(rows: FolderRow[]): string {
  return table(
    ['files', 'add ms', 'longest block ms', 'restart ms'],
    rows.map((row) => [
      `${row.files}${row.pathological ? ' (1 pathological)' : ''}`,
      row.addMs,
      row.longestBlockMs,
      row.restartMs,
    ]),
  );
}

/** Issue 20's goals for user folders: added within 2 s (2,000 files) and 8 s (10,000), no call kept waiting over 50 ms, a pathological file ≤ 200 ms. */
export function folderGoals(rows: FolderRow[], pathological: { ms: number }): GoalLine[] {
  const goals: GoalLine[] = [];
  for (const [files, limitMs] of [
    [2_000, 2_000],
    [10_000, 8_000],
  ] as const) {
    const row = rows.find((entry) => entry.files === files && !entry.pathological);
    const goal = `folder of ${files.toLocaleString('en')} files added ≤ ${limitMs / 1000} s`;
    goals.push(row ? check(goal, row.addMs <= limitMs, `${row.addMs} ms`) : missing(goal, 'not measured in this run'));
  }
  const longest = Math.max(...rows.map((row) => row.longestBlockMs));
  goals.push(check('no call waits > 50 ms while a folder loads', longest <= 50, `longest block ${longest} ms`));
  goals.push(check('a pathological file costs ≤ 200 ms', pathological.ms <= 200, `${pathological.ms} ms`));
  return goals;
}

export function shippedTable(row: ShippedRow): string {
  return table(
    ['articles', 'ready ms', 'p50 ms', 'p99 ms', 'queries'],
    [[row.articles, row.readyMs, row.p50Ms, row.p99Ms, row.queries]],
  );
}

/** The goals for seller-kb at the largest size measured, the shipped library, and the notebook. */
export function checkGoals(rows: SearchRow[], notes: NotesRow[], shipped: ShippedRow | null): GoalLine[] {
  const largest = Math.max(...rows.map((row) => row.docs));
  const ours = rows.find((row) => row.engine === 'seller-kb' && row.docs === largest);
  const segmenter = rows.find((row) => row.engine === 'minisearch-segmenter' && row.docs === largest);
  const goals: GoalLine[] = [];
  if (ours) {
    const at = `at ${largest} docs`;
    goals.push(check(`p99 ≤ 10 ms ${at}`, ours.p99Ms <= 10, `p99 ${ours.p99Ms} ms`));
    goals.push(check(`p50 ≤ 2 ms ${at}`, ours.p50Ms <= 2, `p50 ${ours.p50Ms} ms`));
    if (segmenter) {
      const ratio = segmenter.p99Ms / ours.p99Ms;
      goals.push(
        check(
          `p99 ≥ 3× lower than minisearch-segmenter ${at}`,
          ratio >= 3,
          `${ours.p99Ms} vs ${segmenter.p99Ms} ms (${ratio.toFixed(2)}×)`,
        ),
      );
    } else goals.push(missing('p99 ≥ 3× lower than minisearch-segmenter', 'segmenter not measured'));
    goals.push(check(`load ≤ 1000 ms ${at}`, ours.loadMs <= 1000, `load ${ours.loadMs} ms`));
    goals.push(check(`heap ≤ 300 MB ${at}`, ours.heapMB <= 300, `heap ${ours.heapMB} MB`));
    goals.push(check(`zh recall = 1.0 ${at}`, ours.zhRecall >= 1, `zh recall ${ours.zhRecall}`));
    goals.push(check(`zh precision ≥ 0.99 ${at}`, ours.zhPrecision >= 0.99, `zh precision ${ours.zhPrecision}`));
    goals.push(check(`typo recall ≥ 0.9 ${at}`, ours.typoRecall >= 0.9, `typo recall ${ours.typoRecall}`));
  }
  if (shipped) {
    goals.push(
      check(
        'shipped library: ready ≤ 50 ms',
        shipped.readyMs <= 50,
        `ready ${shipped.readyMs} ms (read, parse, index loaded)`,
      ),
    );
    goals.push(
      check(
        'shipped library: p99 ≤ 1 ms',
        shipped.p99Ms <= 1,
        `p99 ${shipped.p99Ms} ms over ${shipped.queries} labelled queries`,
      ),
    );
  }
  const big = notes.find((row) => row.notes === 100_000);
  goals.push(
    big
      ? check('notes: p99 ≤ 10 ms at 100,000 notes', big.p99Ms <= 10, `p99 ${big.p99Ms} ms`)
      : missing('notes: p99 ≤ 10 ms at 100,000 notes', 'not measured in this run'),
  );
  const small = notes.find((row) => row.notes === 10_000);
  goals.push(
    small
      ? check('notes: 10,000 inserts ≤ 2000 ms', small.insertMs <= 2000, `${small.insertMs} ms`)
      : missing('notes: 10,000 inserts ≤ 2000 ms', 'not measured in this run'),
  );
  return goals;
}

export function goalsText(goals: GoalLine[]): string {
  return goals
    .map(
      (line) =>
        `${line.met === null ? 'not measured' : line.met ? 'met    ' : 'NOT met'}  ${line.goal}: ${line.detail}`,
    )
    .join('\n');
}
