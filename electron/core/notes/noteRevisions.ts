import type { NoteRecord, NoteRevision } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Db } from './database.js';

/**
 * How much history a note keeps. Saves less than a minute after a revision was opened go into
 * that revision (one per minute while typing). Every revision of the last 7 days is kept; from 7 to
 * 90 days old, the last one of each day; older ones go; and never more than 100 per note (the
 * oldest go first). The newest revision, the note as it is, is always kept. So a note's history
 * holds at most 100 copies of it.
 */
export const REVISION_POLICY = { coalesceMs: 60_000, keepAllDays: 7, dailyUntilDays: 90, maxPerNote: 100 } as const;

const DAY_MS = 86_400_000;

interface RevisionRow {
  id: number;
  note_id: number;
  revision: number;
  title: string;
  body: string;
  tags: string;
  opened_at: string;
  saved_at: string;
  sealed: number;
}

function toRevision(row: RevisionRow): NoteRevision {
  return { id: row.id, noteId: row.note_id, revision: row.revision, title: row.title, body: row.body, tags: JSON.parse(row.tags) as string[], savedAt: row.saved_at };
}

/** The ids the policy drops from a note's revisions, given newest first. Pure, so it can be tested over many histories. */
export function revisionsToDrop(newestFirst: { id: number; savedAt: string }[], now: Date, policy: typeof REVISION_POLICY = REVISION_POLICY): number[] {
  const drop: number[] = [];
  const daysSeen = new Set<string>();
  let kept = 0;
  newestFirst.forEach((revision, index) => {
    const age = now.getTime() - Date.parse(revision.savedAt);
    const day = revision.savedAt.slice(0, 10);
    let keep = index === 0;
    if (!keep && age <= policy.keepAllDays * DAY_MS) keep = true;
    else if (!keep && age <= policy.dailyUntilDays * DAY_MS) keep = !daysSeen.has(day);
    if (keep && kept >= policy.maxPerNote) keep = false;
    daysSeen.add(day);
    if (keep) kept++;
    else drop.push(revision.id);
  });
  return drop;
}

/** Records a save of `note` (inside the caller's transaction): into the open revision within a minute, else as a new one. */
export function recordRevision(db: Db, note: NoteRecord, at: string, policy: typeof REVISION_POLICY = REVISION_POLICY): void {
  const latest = db.prepare('SELECT id, opened_at, sealed FROM note_revisions WHERE note_id = ? ORDER BY id DESC LIMIT 1').get(note.id) as Pick<RevisionRow, 'id' | 'opened_at' | 'sealed'> | undefined;
  const tags = JSON.stringify(note.tags);
  if (latest && !latest.sealed && Date.parse(at) - Date.parse(latest.opened_at) < policy.coalesceMs) {
    db.prepare('UPDATE note_revisions SET revision = ?, title = ?, body = ?, tags = ?, saved_at = ? WHERE id = ?').run(note.revision, note.title, note.body, tags, at, latest.id);
    return;
  }
  db.prepare('INSERT INTO note_revisions (note_id, revision, title, body, tags, opened_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(note.id, note.revision, note.title, note.body, tags, at, at);
  const rows = db.prepare('SELECT id, saved_at AS savedAt FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC').all(note.id) as { id: number; savedAt: string }[];
  const drop = revisionsToDrop(rows, new Date(at), policy);
  const remove = db.prepare('DELETE FROM note_revisions WHERE id = ?');
  for (const id of drop) remove.run(id);
}

/** Closes the open revision so the next save starts a new one (a restore must not overwrite what was typed). */
export function sealLatestRevision(db: Db, noteId: number): void {
  db.prepare('UPDATE note_revisions SET sealed = 1 WHERE id = (SELECT MAX(id) FROM note_revisions WHERE note_id = ?)').run(noteId);
}

/** A note's revisions, newest first. */
export function listRevisions(db: Db, noteId: number): NoteRevision[] {
  return (db.prepare('SELECT * FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC').all(noteId) as RevisionRow[]).map(toRevision);
}

/** One revision of a note, or a clear error. */
export function findRevision(db: Db, noteId: number, revisionId: number): NoteRevision {
  const row = db.prepare('SELECT * FROM note_revisions WHERE id = ? AND note_id = ?').get(revisionId, noteId) as RevisionRow | undefined;
  if (!row) throw new KbError('NOT_FOUND', `Notes: note ${noteId} has no revision ${revisionId}`);
  return toRevision(row);
}
