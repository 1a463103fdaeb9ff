import type { NoteHit } from '../../common/index.js';
import { requireString } from '../validation.js';
import { snippetAround, substringRanges } from '../search/snippet.js';
import type { Db } from './database.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** The CJK runs of a short word, cut to what note_grams holds: 1–2 CJK characters, nothing else. */
const CJK_GRAMS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,2}/gu;
const MAX_QUERY_CHARS = 200;
const MAX_LIMIT = 200;
/** Enough to tell a rare posting list from a common one without counting a common one to the end. */
const COUNT_CAP = 5_000;
const SNIPPET_SOURCE_CHARS = 20_000;

/** The text of a notes search, checked where it enters (Notebook.searchNotes, which the one search calls too). */
export function noteQuery(text: unknown): string {
  return requireString(text, 'text', 'Notes: ', MAX_QUERY_CHARS);
}

/** The words of a query: 3+ character words for the trigram index, 1–2 character CJK words for note_grams. */
function queryWords(text: string): { long: string[]; shortCjk: string[]; all: string[] } {
  // Quotes separate words like spaces do ("申诉信" finds 申诉信); control characters (a NUL ends an
  // FTS5 string early) are dropped.
  const all = [
    ...new Set(
      text
        .normalize('NFKC')
        .toLowerCase()
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .split(/[\s,，。、;；"“”]+/u)
        .filter(Boolean),
    ),
  ];
  return {
    all,
    long: all.filter((word) => Array.from(word).length >= 3),
    // Short Latin words are too common to narrow anything and are ignored; so are the quotes and
    // other marks of a short CJK word ("中 or 文"), which note_grams never holds.
    shortCjk: [
      ...new Set(
        all
          .filter((word) => Array.from(word).length < 3 && CJK.test(word))
          .flatMap((word) => word.match(CJK_GRAMS) ?? []),
      ),
    ],
  };
}

/** A posting list walked newest note first, and a point test of membership. */
interface Condition {
  ids(): IterableIterator<number>;
  has(id: number): boolean;
  /** How many notes it matches, capped; lower drives the walk. */
  size(): number;
}

/** One FTS5 string, quoted so that nothing in it (quotes, AND, NEAR, *, ^, :) is query syntax. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function ftsCondition(db: Db, words: string[]): Condition {
  const expression = words.map(ftsString).join(' AND ');
  return {
    ids: () =>
      db
        .prepare('SELECT rowid AS id FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC')
        .pluck()
        .iterate(expression) as IterableIterator<number>,
    has: (id) =>
      db.prepare('SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? AND rowid = ?').pluck().get(expression, id) !==
      undefined,
    // Trigram queries of 3+ characters are nearly always the most selective list.
    size: () => 0,
  };
}

function gramCondition(db: Db, gram: string): Condition {
  const expression = ftsString(gram);
  return {
    ids: () =>
      db
        .prepare('SELECT rowid FROM note_grams WHERE note_grams MATCH ? ORDER BY rowid DESC')
        .pluck()
        .iterate(expression) as IterableIterator<number>,
    has: (id) =>
      db.prepare('SELECT 1 FROM note_grams WHERE note_grams MATCH ? AND rowid = ?').pluck().get(expression, id) !==
      undefined,
    size: () =>
      db
        .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM note_grams WHERE note_grams MATCH ? LIMIT ${COUNT_CAP})`)
        .pluck()
        .get(expression) as number,
  };
}

interface HitRow {
  id: number;
  case_id: number;
  case_title: string;
  title: string;
  body: string;
  updated_at: string;
}

/**
 * Finds live notes containing every word of `text`, newest first. The rarest word's posting list
 * is walked newest first (both FTS5 tables read in rowid order), the other
 * words are checked per note by index look-up, and the walk stops at `limit` hits: no table scan
 * and no sort, however common the words.
 */
export function searchNoteRows(db: Db, text: string, limit: number): NoteHit[] {
  const words = queryWords(text);
  const conditions = [
    ...(words.long.length > 0 ? [ftsCondition(db, words.long)] : []),
    ...words.shortCjk.map((gram) => gramCondition(db, gram)),
  ];
  if (conditions.length === 0) return [];
  const [driver, ...checks] =
    conditions.length === 1 ? conditions : [...conditions].sort((a, b) => a.size() - b.size());
  const wanted = Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT);
  const live = db.prepare(
    'SELECT n.id, n.case_id, c.title AS case_title, n.title, n.body, n.updated_at FROM notes n JOIN cases c ON c.id = n.case_id WHERE n.id = ? AND n.deleted_at IS NULL AND c.deleted_at IS NULL',
  );
  const hits: NoteHit[] = [];
  for (const id of driver!.ids()) {
    if (!checks.every((check) => check.has(id))) continue;
    const row = live.get(id) as HitRow | undefined;
    if (!row) continue;
    const body = row.body.length > SNIPPET_SOURCE_CHARS ? row.body.slice(0, SNIPPET_SOURCE_CHARS) : row.body;
    hits.push({
      noteId: row.id,
      caseId: row.case_id,
      caseTitle: row.case_title,
      title: row.title,
      snippet: snippetAround(body, substringRanges(body, words.all)),
      updatedAt: row.updated_at,
    });
    if (hits.length >= wanted) break;
  }
  return hits;
}
