import type { KbApi } from '../../common/index.js';
import { compareTexts } from '../textDiff.js';
import type { Notebook } from './notebook.js';
import { findRevision, listRevisions, sealLatestRevision } from './noteRevisions.js';
import { requireId } from './validate.js';

/** Note history: every saved revision, comparable and restorable (see REVISION_POLICY for what is kept). */
export function noteHistoryHandlers(notebook: () => Notebook): Pick<KbApi, 'listNoteRevisions' | 'compareNoteRevisions' | 'restoreNoteRevision'> {
  return {
    listNoteRevisions: async (request) => {
      const note = notebook().findNote(requireId(request?.noteId, 'noteId'));
      return { note, revisions: listRevisions(notebook().db, note.id) };
    },
    compareNoteRevisions: async (request) => {
      const noteId = requireId(request?.noteId, 'noteId');
      const older = findRevision(notebook().db, noteId, requireId(request?.from, 'from'));
      const newer = findRevision(notebook().db, noteId, requireId(request?.to, 'to'));
      return compareTexts(`${older.title}\n\n${older.body}`, `${newer.title}\n\n${newer.body}`);
    },
    restoreNoteRevision: async (request) => {
      const book = notebook();
      const note = book.findNote(requireId(request?.noteId, 'noteId'));
      const revision = findRevision(book.db, note.id, requireId(request?.revisionId, 'revisionId'));
      // The restore becomes a revision of its own, and what was typed before it stays in the history.
      book.write(() => sealLatestRevision(book.db, note.id));
      const restored = book.saveNote({ id: note.id, caseId: note.caseId, title: revision.title, body: revision.body, tags: revision.tags, kind: note.kind, baseRevision: note.revision });
      book.write(() => sealLatestRevision(book.db, note.id));
      return restored;
    },
  };
}
