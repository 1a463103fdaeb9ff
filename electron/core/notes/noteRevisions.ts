import type { NoteInput, NoteRecord, NoteRevision } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Db } from './database.js';

/**
 * How much history a note keeps. The note as it is now is always its newest revision; earlier states
 * are kept when a save changes a state that was opened a minute or more before, so typing leaves one
 * revision per minute. Of the earlier ones: every one of the last 7 days; from 7 to 90 days old, the
 * last of each day; none older; and at most 100 per note (the oldest go first). So a note's history
 * holds at most 100 earlier copies of it, and a note never edited costs nothing.
 */
export const REVISION_POLICY = { coalesceMs: 60_000, keepAllDays: 7, dailyUntilDays: 90, maxPerNote: 100 } as const;

/** The id under which the note as it is now appears in its history. */
export const CURRENT_REVISION = 0;

const DAY_MS = 86_400_000;
/** A window opened at this instant has always expired: the next save keeps the state before it. */
const EXPIRED = '1970-01-01T00:00:00.000Z';

interface RevisionRow {
  id: number;
  note_id: number;
  revision: number;
  title: string;
  body: string;
  tags: string;
  saved_at: string;
}

function toRevision(row: RevisionRow): NoteRevision {
  return {
    id: row.id,
    noteId: row.note_id,
    revision: row.revision,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    savedAt: row.saved_at,
  };
}

/** The ids the policy drops from a note's earlier revisions, given newest first. Pure, so it can be tested over many histories. */
export function revisionsToDrop(
  newestFirst: { id: number; savedAt: string }[],
  now: Date,
  policy: typeof REVISION_POLICY = REVISION_POLICY,
): number[] {
  const drop: number[] = [];
  const daysSeen = new Set<string>();
  let kept = 0;
  for (const revision of newestFirst) {
    const age = now.getTime() - Date.parse(revision.savedAt);
    const day = revision.savedAt.slice(0, 10);
    let keep = age <= policy.keepAllDays * DAY_MS || (age <= policy.dailyUntilDays * DAY_MS && !daysSeen.has(day));
    if (keep && kept >= policy.maxPerNote) keep = false;
    daysSeen.add(day);
    if (keep) kept++;
    else drop.push(revision.id);
  }
  return drop;
}

const sameContent = (existing: NoteRecord, next: NoteInput) =>
  existing.title === (next.title ?? '') &&
  existing.body === next.body &&
  JSON.stringify(existing.tags) === JSON.stringify(next.tags ?? []);

/**
 * Before `existing` is overwritten by `next` (inside the caller's transaction): keeps `existing` as a
 * revision unless its window opened less than a minute ago, then prunes by the policy.
 */
export function keepRevisionBeforeUpdate(
  db: Db,
  existing: NoteRecord,
  next: NoteInput,
  at: string,
  policy: typeof REVISION_POLICY = REVISION_POLICY,
): void {
  if (sameContent(existing, next)) return;
  const window = db.prepare('SELECT opened_at FROM note_history_windows WHERE note_id = ?').get(existing.id) as
    { opened_at: string } | undefined;
  const opened = window?.opened_at ?? existing.createdAt;
  if (Date.parse(at) - Date.parse(opened) < policy.coalesceMs) return;
  db.prepare(
    'INSERT INTO note_revisions (note_id, revision, title, body, tags, saved_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    existing.id,
    existing.revision,
    existing.title,
    existing.body,
    JSON.stringify(existing.tags),
    existing.updatedAt,
  );
  db.prepare(
    'INSERT INTO note_history_windows (note_id, opened_at) VALUES (?, ?) ON CONFLICT(note_id) DO UPDATE SET opened_at = excluded.opened_at',
  ).run(existing.id, at);
  const rows = db
    .prepare('SELECT id, saved_at AS savedAt FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC')
    .all(existing.id) as { id: number; savedAt: string }[];
  const remove = db.prepare('DELETE FROM note_revisions WHERE id = ?');
  for (const id of revisionsToDrop(rows, new Date(at), policy)) remove.run(id);
}

/** Makes the next save keep the state before it, whenever it comes (a restore must not overwrite what was typed). */
export function closeHistoryWindow(db: Db, noteId: number): void {
  db.prepare(
    'INSERT INTO note_history_windows (note_id, opened_at) VALUES (?, ?) ON CONFLICT(note_id) DO UPDATE SET opened_at = excluded.opened_at',
  ).run(noteId, EXPIRED);
}

/** A note's history, newest first: the note as it is now (id 0), then its earlier revisions. */
export function listRevisions(db: Db, note: NoteRecord): NoteRevision[] {
  const current: NoteRevision = {
    id: CURRENT_REVISION,
    noteId: note.id,
    revision: note.revision,
    title: note.title,
    body: note.body,
    tags: note.tags,
    savedAt: note.updatedAt,
  };
  const earlier = (
    db
      .prepare('SELECT * FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC')
      .all(note.id) as RevisionRow[]
  ).map(toRevision);
  return [current, ...earlier];
}

/** One revision of a note (0: the note as it is now), or a clear error. */
export function findRevision(db: Db, note: NoteRecord, revisionId: number): NoteRevision {
  if (revisionId === CURRENT_REVISION) return listRevisions(db, note)[0]!;
  const row = db.prepare('SELECT * FROM note_revisions WHERE id = ? AND note_id = ?').get(revisionId, note.id) as
    RevisionRow | undefined;
  if (!row) throw new KbError('NOT_FOUND', `Notes: note ${note.id} has no revision ${revisionId}`);
  return toRevision(row);
}
