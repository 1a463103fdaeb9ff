import type { NoteHit } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { markSubstrings, snippetAround } from '../search/snippet.js';
import type { Db } from './database.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const MAX_QUERY_CHARS = 200;
const MAX_GRAMS_PER_NOTE = 50_000;

/** The distinct CJK characters and bigrams of a note, for 1–2 character queries that trigram FTS cannot match. */
export function noteGrams(text: string): Set<string> {
  const grams = new Set<string>();
  const chars = Array.from(text.toLowerCase());
  for (let index = 0; index < chars.length && grams.size < MAX_GRAMS_PER_NOTE; index++) {
    const char = chars[index]!;
    if (!CJK.test(char)) continue;
    grams.add(char);
    const next = chars[index + 1];
    if (next && CJK.test(next)) grams.add(char + next);
  }
  return grams;
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
 * Finds live notes containing every word of `text`. Words of 3+ characters go through the trigram
 * FTS index; 1–2 character CJK words through note_grams; both are index look-ups, never a scan.
 * Short Latin words are too common to narrow anything and are ignored.
 */
export function searchNoteRows(db: Db, text: string, limit: number): NoteHit[] {
  if (typeof text !== 'string') throw new KbError('INVALID_INPUT', 'Notes: search "text" must be a string');
  if (text.length > MAX_QUERY_CHARS) throw new KbError('INVALID_INPUT', `Notes: the query is longer than ${MAX_QUERY_CHARS} characters`);
  const words = [...new Set(text.normalize('NFKC').toLowerCase().split(/[\s,，。、;；]+/u).filter(Boolean))];
  const longWords = words.filter((word) => Array.from(word).length >= 3);
  const shortCjk = words.filter((word) => Array.from(word).length < 3 && CJK.test(word));
  if (longWords.length === 0 && shortCjk.length === 0) return [];
  const conditions: string[] = [];
  const parameters: (string | number)[] = [];
  if (longWords.length > 0) {
    conditions.push('n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)');
    parameters.push(longWords.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const word of shortCjk) {
    conditions.push('n.id IN (SELECT note_id FROM note_grams WHERE gram = ?)');
    parameters.push(word);
  }
  const rows = db
    .prepare(
      `SELECT n.id, n.case_id, c.title AS case_title, n.title, n.body, n.updated_at FROM notes n JOIN cases c ON c.id = n.case_id
       WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL AND ${conditions.join(' AND ')} ORDER BY n.updated_at DESC, n.id DESC LIMIT ?`,
    )
    .all(...parameters, Math.min(Math.max(1, Math.floor(limit)), 200)) as HitRow[];
  return rows.map((row) => {
    const body = row.body.length > 20_000 ? row.body.slice(0, 20_000) : row.body;
    return { noteId: row.id, caseId: row.case_id, caseTitle: row.case_title, title: row.title, snippet: snippetAround(body, markSubstrings(body, words)), updatedAt: row.updated_at };
  });
}
