import type {
  ActivityKind,
  CaseDetail,
  CaseInput,
  CaseRecord,
  CaseStatus,
  ChecklistProgress,
  ChecklistStepChange,
  DueItem,
  NoteHit,
  NoteInput,
  NoteRecord,
  TrashContents,
} from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { storageError } from './database.js';
import { addDays } from '../deadlines/calendarDays.js';
import type { FollowUpLookup, FollowUpRule } from './followUpRules.js';
import { touchIdentity } from './identity.js';
import { CASE_SELECT, toActivity, toCase, toNote, type ActivityRow, type CaseRow, type NoteRow } from './rows.js';
import { noteGrams } from './noteGrams.js';
import { noteQuery, searchNoteRows } from './noteSearch.js';
import { keepRevisionBeforeUpdate } from './noteRevisions.js';
import { optionalWholeNumber } from './validate.js';

const CLOSED_STATUSES = "('reinstated', 'denied', 'closed')";

/**
 * Cases, notes, their timeline and reading progress, in one SQLite file. Every write is one IMMEDIATE transaction.
 * Typed arguments are trusted: the handler maps (caseHandlers, noteHandlers) and importJson checked
 * them where they entered. searchNotes and listDue take raw values and check them here, once, because
 * the one search (searchHandlers) calls searchNotes too.
 */
export class Notebook {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
    /** The follow-up each status implies (from content/deadlines.json); none without rules. */
    private readonly followUpFor: FollowUpLookup = () => undefined,
  ) {}

  /** Runs `work` in an IMMEDIATE transaction and turns SQLite failures into clear storage errors. */
  write<T>(work: () => T): T {
    try {
      return this.db
        .transaction(() => {
          const result = work();
          touchIdentity(this.db);
          return result;
        })
        .immediate();
    } catch (error) {
      throw error instanceof KbError ? error : storageError(this.path, error);
    }
  }

  private read<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw error instanceof KbError ? error : storageError(this.path, error);
    }
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  today(): string {
    return this.timestamp().slice(0, 10);
  }

  /** Live cases, most recently changed first. */
  listCases(): CaseRecord[] {
    return this.read(() =>
      (
        this.db
          .prepare(`${CASE_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC`)
          .all() as CaseRow[]
      ).map(toCase),
    );
  }

  /** A case with its notes and timeline; deleted cases are found too, so the trash can show them. */
  getCase(id: number): CaseDetail {
    return this.read(() => {
      const record = this.findCase(id);
      const notes = (
        this.db
          .prepare('SELECT * FROM notes WHERE case_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC')
          .all(id) as NoteRow[]
      ).map(toNote);
      const activity = (
        this.db.prepare('SELECT * FROM activity WHERE case_id = ? ORDER BY at DESC, id DESC').all(id) as ActivityRow[]
      ).map(toActivity);
      return { case: record, notes, activity };
    });
  }

  createCase(fields: CaseInput): CaseRecord {
    return this.write(() => {
      const at = this.timestamp();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO cases (title, marketplace, cause, status, notice_received, asins, linked_articles, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.title,
          fields.marketplace ?? null,
          fields.cause ?? 'other',
          fields.noticeReceived ?? null,
          JSON.stringify(fields.asins ?? []),
          JSON.stringify(fields.linkedArticles ?? []),
          at,
          at,
        );
      const id = Number(lastInsertRowid);
      this.logActivity(id, 'case-created', fields.title ?? '');
      const { status, appealSent, nextFollowUp } = fields;
      if (status !== undefined || appealSent !== undefined || nextFollowUp !== undefined)
        this.applyCaseChanges(id, { status, appealSent, nextFollowUp });
      return this.findCase(id);
    });
  }

  /**
   * Changes fields of a case; entering "appeal sent" sets the follow-up its rule implies unless one
   * is given or the user typed one before (a typed date is kept; the deadlines offer the rule's).
   */
  updateCase(id: number, fields: Partial<CaseInput>): CaseRecord {
    return this.write(() => {
      this.findLiveCase(id);
      this.applyCaseChanges(id, fields);
      return this.findCase(id);
    });
  }

  private applyCaseChanges(id: number, changes: Partial<CaseInput>): void {
    const fields = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Partial<CaseInput>;
    const before = this.findCase(id);
    const next = { ...before, ...fields };
    let rule: string | null | undefined;
    if (fields.status && fields.status !== before.status) {
      this.logActivity(id, 'status-changed', `${before.status} → ${fields.status}`);
      const followUp = this.followUpFor(fields.status);
      if (followUp) {
        next.appealSent = fields.appealSent ?? before.appealSent ?? this.today();
        const typedBefore = before.nextFollowUp !== null && this.followUpRuleOf(id) === null;
        if (fields.nextFollowUp === undefined && !typedBefore) {
          next.nextFollowUp = addDays(next.appealSent, followUp.days);
          rule = followUp.article;
        }
      }
    }
    if (fields.nextFollowUp !== undefined && rule === undefined) rule = null;
    const changedFields = Object.keys(fields).filter((key) => key !== 'status');
    if (changedFields.length > 0) this.logActivity(id, 'case-updated', changedFields.join(', '));
    this.db
      .prepare(
        `UPDATE cases SET title = ?, marketplace = ?, cause = ?, status = ?, notice_received = ?, appeal_sent = ?, next_follow_up = ?,
         follow_up_rule = CASE WHEN ? = 1 THEN ? ELSE follow_up_rule END, asins = ?, linked_articles = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.title,
        next.marketplace,
        next.cause,
        next.status,
        next.noticeReceived,
        next.appealSent,
        next.nextFollowUp,
        rule === undefined ? 0 : 1,
        rule ?? null,
        JSON.stringify(next.asins),
        JSON.stringify(next.linkedArticles),
        this.timestamp(),
        id,
      );
  }

  /** The follow-up a status implies under the deadline rules (none when the notebook has no rules). */
  followUpForStatus(status: CaseStatus): FollowUpRule | undefined {
    return this.followUpFor(status);
  }

  /** The article slug whose rule set the case's follow-up date, or null when the user typed it (or none is set). */
  followUpRuleOf(id: number): string | null {
    const row = this.statement('SELECT follow_up_rule FROM cases WHERE id = ?').get(id) as
      { follow_up_rule: string | null } | undefined;
    return row?.follow_up_rule ?? null;
  }

  /** Moves a case (and so its notes) to the trash. */
  deleteCase(id: number): CaseRecord {
    return this.write(() => {
      this.findLiveCase(id);
      this.db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?').run(this.timestamp(), id);
      this.logActivity(id, 'case-deleted', '');
      return this.findCase(id);
    });
  }

  restoreCase(id: number): CaseRecord {
    return this.write(() => {
      const record = this.findCase(id);
      if (!record.deletedAt) throw new KbError('INVALID_INPUT', `Notebook: case ${id} is not in the trash`);
      this.db.prepare('UPDATE cases SET deleted_at = NULL WHERE id = ?').run(id);
      this.logActivity(id, 'case-restored', '');
      return this.findCase(id);
    });
  }

  /** Creates or updates a note; an update naming an older revision is refused, so no edit overwrites another. */
  saveNote(input: NoteInput): NoteRecord {
    const note = { ...input, title: input.title ?? '', tags: input.tags ?? [], kind: input.kind ?? 'note' };
    return this.write(() => {
      this.findLiveCase(note.caseId);
      const at = this.timestamp();
      let id = note.id;
      if (id === undefined) {
        const result = this.statement(
          'INSERT INTO notes (case_id, title, body, tags, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(note.caseId, note.title, note.body, JSON.stringify(note.tags), note.kind, at, at);
        id = Number(result.lastInsertRowid);
        this.logActivity(note.caseId, 'note-added', note.title || note.body.slice(0, 60));
      } else {
        const existing = this.findNote(id);
        if (existing.deletedAt)
          throw new KbError('INVALID_INPUT', `Notebook: note ${id} is in the trash; restore it before editing`);
        if (existing.caseId !== note.caseId)
          throw new KbError(
            'INVALID_INPUT',
            `Notebook: note ${id} belongs to case ${existing.caseId}, not ${note.caseId}`,
          );
        if (note.baseRevision !== undefined && note.baseRevision !== existing.revision) {
          throw new KbError(
            'CONFLICT',
            `Notebook: note ${id} changed elsewhere (revision ${existing.revision}, the editor had ${note.baseRevision}); reload it before saving`,
          );
        }
        keepRevisionBeforeUpdate(this.db, existing, note, at);
        this.statement(
          'UPDATE notes SET title = ?, body = ?, tags = ?, kind = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
        ).run(note.title, note.body, JSON.stringify(note.tags), note.kind, at, id);
      }
      this.indexGrams(id, `${note.title}\n${note.body}`);
      this.statement('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, note.caseId);
      return this.findNote(id);
    });
  }

  deleteNote(id: number): NoteRecord {
    return this.write(() => {
      const note = this.findNote(id);
      if (note.deletedAt) return note;
      this.db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(this.timestamp(), id);
      this.logActivity(note.caseId, 'note-deleted', note.title || note.body.slice(0, 60));
      return this.findNote(id);
    });
  }

  restoreNote(id: number): NoteRecord {
    return this.write(() => {
      const note = this.findNote(id);
      if (!note.deletedAt) throw new KbError('INVALID_INPUT', `Notebook: note ${id} is not in the trash`);
      this.findLiveCase(note.caseId);
      this.db.prepare('UPDATE notes SET deleted_at = NULL WHERE id = ?').run(id);
      this.logActivity(note.caseId, 'note-restored', note.title || note.body.slice(0, 60));
      return this.findNote(id);
    });
  }

  listTrash(): TrashContents {
    return this.read(() => ({
      cases: (
        this.db.prepare(`${CASE_SELECT} WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC`).all() as CaseRow[]
      ).map(toCase),
      notes: (
        this.db.prepare('SELECT * FROM notes WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC').all() as NoteRow[]
      ).map(toNote),
    }));
  }

  /** Notes matching `text` (any language, any length from one character). */
  searchNotes(text: unknown, limit?: unknown): NoteHit[] {
    const query = noteQuery(text);
    const wanted = optionalWholeNumber(limit, 'limit', 1, 200, 20);
    return this.read(() => searchNoteRows(this.db, query, wanted));
  }

  /** Open cases whose follow-up falls within `withinDays` from today, overdue first. */
  listDue(withinDays?: unknown): DueItem[] {
    const days = optionalWholeNumber(withinDays, 'withinDays', 0, 3650, 7);
    const today = this.today();
    const rows = this.read(
      () =>
        this.db
          .prepare(
            `SELECT id, title, status, next_follow_up, follow_up_rule FROM cases WHERE deleted_at IS NULL AND next_follow_up IS NOT NULL AND next_follow_up <= ? AND status NOT IN ${CLOSED_STATUSES} ORDER BY next_follow_up, id`,
          )
          .all(addDays(today, days)) as Pick<
          CaseRow,
          'id' | 'title' | 'status' | 'next_follow_up' | 'follow_up_rule'
        >[],
    );
    return rows.map((row) => ({
      caseId: row.id,
      caseTitle: row.title,
      status: row.status as DueItem['status'],
      nextFollowUp: row.next_follow_up!,
      overdue: row.next_follow_up! < today,
      ruleArticle: row.follow_up_rule,
    }));
  }

  /** The ticks of the named checklists (an article's), by checklist name in a null-prototype object. */
  getChecklistProgress(articleId: string, checklists: readonly string[]): ChecklistProgress {
    const rows = this.read(
      () =>
        this.db
          .prepare(
            'SELECT checklist, step FROM checklist_ticks WHERE checklist IN (SELECT value FROM json_each(?)) ORDER BY checklist, step',
          )
          .all(JSON.stringify(checklists)) as { checklist: string; step: number }[],
    );
    const ticked: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
    for (const row of rows) (ticked[row.checklist] ??= []).push(row.step);
    return { articleId, ticked };
  }

  setChecklistStep(change: ChecklistStepChange, checklists: readonly string[]): ChecklistProgress {
    this.write(() => {
      if (change.done)
        this.db
          .prepare('INSERT OR IGNORE INTO checklist_ticks (checklist, step) VALUES (?, ?)')
          .run(change.checklist, change.step);
      else
        this.db
          .prepare('DELETE FROM checklist_ticks WHERE checklist = ? AND step = ?')
          .run(change.checklist, change.step);
    });
    return this.getChecklistProgress(change.articleId, checklists);
  }

  /** Clears the named checklists (an article's, and so its twin's too). */
  resetChecklist(articleId: string, checklists: readonly string[]): ChecklistProgress {
    this.write(() =>
      this.db
        .prepare('DELETE FROM checklist_ticks WHERE checklist IN (SELECT value FROM json_each(?))')
        .run(JSON.stringify(checklists)),
    );
    return this.getChecklistProgress(articleId, checklists);
  }

  getSetting<T>(key: string, fallback: T): T {
    const row = this.read(
      () => this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined,
    );
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  setSetting(key: string, value: unknown): void {
    this.write(() =>
      this.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(key, JSON.stringify(value)),
    );
  }

  /** Records an event on a case's timeline (inside the caller's transaction). */
  logActivity(caseId: number, kind: ActivityKind, detail: string): void {
    this.statement('INSERT INTO activity (case_id, kind, detail, at) VALUES (?, ?, ?, ?)').run(
      caseId,
      kind,
      detail,
      this.timestamp(),
    );
  }

  findCase(id: number): CaseRecord {
    const row = this.db.prepare(`${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
    if (!row) throw new KbError('NOT_FOUND', `Notebook: case ${id} not found`, { what: 'case', name: String(id) });
    return toCase(row);
  }

  /** Checks that a case exists and is not in the trash (without counting its notes, which saveNote does not need). */
  private findLiveCase(id: number): void {
    const row = this.statement('SELECT deleted_at FROM cases WHERE id = ?').get(id) as
      { deleted_at: string | null } | undefined;
    if (!row) throw new KbError('NOT_FOUND', `Notebook: case ${id} not found`, { what: 'case', name: String(id) });
    if (row.deleted_at) throw new KbError('INVALID_INPUT', `Notebook: case ${id} is in the trash; restore it first`);
  }

  /** A prepared statement, prepared once per connection: saving a note runs several, many times. */
  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  findNote(id: number): NoteRecord {
    const row = this.statement('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
    if (!row) throw new KbError('NOT_FOUND', `Notebook: note ${id} not found`, { what: 'note', name: String(id) });
    return toNote(row);
  }

  private indexGrams(noteId: number, text: string): void {
    this.statement('DELETE FROM note_grams WHERE rowid = ?').run(noteId);
    this.statement('INSERT INTO note_grams (rowid, grams) VALUES (?, ?)').run(noteId, [...noteGrams(text)].join(' '));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
