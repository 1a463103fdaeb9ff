import type { KbApi } from '../../common/index.js';
import { argumentFields } from '../validation.js';
import type { Notebook } from './notebook.js';
import { idOf, NOTEBOOK, validateNoteInput } from './validate.js';

export type NoteMethods = 'saveNote' | 'deleteNote' | 'restoreNote' | 'listTrash' | 'searchNotes' | 'listDue';

/**
 * Notes: saved, moved to the trash and back, searched; and the cases due for a follow-up. A note's
 * fields are checked here, once. Notes search and the due list check their own numbers and text in
 * the Notebook, because the one search (searchHandlers) calls them too.
 */
export function noteHandlers(notebook: () => Notebook): Pick<KbApi, NoteMethods> {
  return {
    saveNote: async (input) => notebook().saveNote(validateNoteInput(input)),
    deleteNote: async (request) => notebook().deleteNote(idOf(request)),
    restoreNote: async (request) => notebook().restoreNote(idOf(request)),
    listTrash: async () => notebook().listTrash(),
    searchNotes: async (request) => {
      const fields = argumentFields(request, NOTEBOOK, ['text', 'limit']);
      return notebook().searchNotes(fields.text, fields.limit);
    },
    listDue: async (request) => notebook().listDue(argumentFields(request, NOTEBOOK, ['withinDays']).withinDays),
  };
}
