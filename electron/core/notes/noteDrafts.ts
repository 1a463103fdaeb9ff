import type { KbApi, NoteDraft, NoteDraftFields, NoteDraftInput, NoteDraftKey } from '../../common/index.js';
import { storageError } from './database.js';
import type { Notebook } from './notebook.js';
import { argumentFields, optionalId, requireString, type Fields } from '../validation.js';
import { MAX_NOTE_CHARS, NOTEBOOK, requireId } from './validate.js';

interface DraftRow {
  case_id: number;
  note_key: number;
  title: string;
  tags: string;
  body: string;
  base_revision: number | null;
  saved_at: string;
}

/** The row's note_key: the note's id, or 0 for the case's note that is not saved yet. */
const DRAFT_KEY: (keyof NoteDraftKey)[] = ['caseId', 'noteId'];
const DRAFT_FIELDS: (keyof NoteDraftInput)[] = [...DRAFT_KEY, 'title', 'tags', 'body', 'baseRevision'];

function requireKey(fields: Fields): { caseId: number; noteKey: number } {
  const caseId = requireId(fields.caseId, 'caseId');
  const noteKey = optionalId(fields.noteId, 'noteId', NOTEBOOK) ?? 0;
  return { caseId, noteKey };
}

function requireField(value: unknown, name: keyof NoteDraftFields): string {
  return requireString(value, name, 'Notebook: draft ', MAX_NOTE_CHARS);
}

function toDraft(row: DraftRow): NoteDraft {
  return {
    caseId: row.case_id,
    noteId: row.note_key === 0 ? null : row.note_key,
    title: row.title,
    tags: row.tags,
    body: row.body,
    baseRevision: row.base_revision,
    savedAt: row.saved_at,
  };
}

/**
 * The note editor's drafts, kept in the notebook so that they are encrypted with it (the browser's
 * storage is plaintext in the data folder). A locked notebook refuses them like every notebook
 * call, and the renderer then keeps them in memory only.
 */
export function noteDraftHandlers(
  notebook: () => Notebook,
): Pick<KbApi, 'getNoteDraft' | 'saveNoteDraft' | 'discardNoteDraft'> {
  return {
    getNoteDraft: async (request) => {
      const { caseId, noteKey } = requireKey(argumentFields(request, NOTEBOOK, DRAFT_KEY));
      const book = notebook();
      let row: DraftRow | undefined;
      try {
        row = book.db.prepare('SELECT * FROM note_drafts WHERE case_id = ? AND note_key = ?').get(caseId, noteKey) as
          DraftRow | undefined;
      } catch (error) {
        throw storageError(book.path, error);
      }
      return row ? toDraft(row) : null;
    },
    saveNoteDraft: async (input) => {
      const fields = argumentFields(input, NOTEBOOK, DRAFT_FIELDS);
      const { caseId, noteKey } = requireKey(fields);
      const title = requireField(fields.title, 'title');
      const tags = requireField(fields.tags, 'tags');
      const body = requireField(fields.body, 'body');
      const baseRevision = optionalId(fields.baseRevision, 'baseRevision', NOTEBOOK);
      const book = notebook();
      return book.write(() => {
        book.findCase(caseId);
        const row: DraftRow = {
          case_id: caseId,
          note_key: noteKey,
          title,
          tags,
          body,
          base_revision: baseRevision,
          saved_at: book.timestamp(),
        };
        book.db
          .prepare(
            `INSERT INTO note_drafts (case_id, note_key, title, tags, body, base_revision, saved_at) VALUES (@case_id, @note_key, @title, @tags, @body, @base_revision, @saved_at)
             ON CONFLICT (case_id, note_key) DO UPDATE SET title = excluded.title, tags = excluded.tags, body = excluded.body, base_revision = excluded.base_revision, saved_at = excluded.saved_at`,
          )
          .run(row);
        return toDraft(row);
      });
    },
    discardNoteDraft: async (request) => {
      const { caseId, noteKey } = requireKey(argumentFields(request, NOTEBOOK, DRAFT_KEY));
      const book = notebook();
      book.write(() =>
        book.db.prepare('DELETE FROM note_drafts WHERE case_id = ? AND note_key = ?').run(caseId, noteKey),
      );
      return null;
    },
  };
}
