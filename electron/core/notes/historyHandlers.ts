import type { KbApi } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { compareTexts } from '../textDiff.js';
import type { Notebook } from './notebook.js';
import { closeHistoryWindow, CURRENT_REVISION, findRevision, listRevisions } from './noteRevisions.js';
import { requireId } from './validate.js';

/** A revision id: 0 for the note as it is now, else a positive whole number. */
function revisionId(value: unknown, name: string): number {
  if (value === CURRENT_REVISION) return CURRENT_REVISION;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new KbError('INVALID_INPUT', `Notes: "${name}" must be a revision id (0 for the note as it is now)`);
  return value;
}

/** Note history: every kept revision, comparable and restorable (see REVISION_POLICY for what is kept). */
export function noteHistoryHandlers(
  notebook: () => Notebook,
): Pick<KbApi, 'listNoteRevisions' | 'compareNoteRevisions' | 'restoreNoteRevision'> {
  return {
    listNoteRevisions: async (request) => {
      const note = notebook().findNote(requireId(request?.noteId, 'noteId'));
      return { note, revisions: listRevisions(notebook().db, note) };
    },
    compareNoteRevisions: async (request) => {
      const note = notebook().findNote(requireId(request?.noteId, 'noteId'));
      const older = findRevision(notebook().db, note, revisionId(request?.from, 'from'));
      const newer = findRevision(notebook().db, note, revisionId(request?.to, 'to'));
      return compareTexts(`${older.title}\n\n${older.body}`, `${newer.title}\n\n${newer.body}`);
    },
    restoreNoteRevision: async (request) => {
      const book = notebook();
      const note = book.findNote(requireId(request?.noteId, 'noteId'));
      const revision = findRevision(book.db, note, revisionId(request?.revisionId, 'revisionId'));
      if (revision.id === CURRENT_REVISION) return note;
      // What the note holds now is kept as a revision before the restore replaces it.
      book.write(() => closeHistoryWindow(book.db, note.id));
      return book.saveNote({
        id: note.id,
        caseId: note.caseId,
        title: revision.title,
        body: revision.body,
        tags: revision.tags,
        kind: note.kind,
        baseRevision: note.revision,
      });
    },
  };
}
