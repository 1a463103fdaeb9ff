import { useCallback, useEffect, useRef, useState } from 'react';
import { KbError, type NoteKind, type NoteRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../services/notices.js';
import { parseTags, removeDraft, writeDraft, type NoteFields } from './noteDrafts.js';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

const SAVE_DELAY_MS = 600;

export function fieldsOf(note: NoteRecord | null): NoteFields {
  return { title: note?.title ?? '', tags: note?.tags.join(', ') ?? '', body: note?.body ?? '' };
}

interface Tracked {
  fields: NoteFields;
  noteId: number | undefined;
  revision: number | undefined;
  kind: NoteKind;
  dirty: boolean;
  saving: boolean;
  blocked: boolean;
}

/**
 * The editor's fields with autosave: each change goes to the notebook's drafts at once (see
 * noteDrafts) and is saved as the note ~600 ms later (or on flush). Saves never overlap, name the revision they started from, and
 * stop on a conflict until the note is reloaded.
 */
export function useNoteAutosave(caseId: number, note: NoteRecord | null, onSaved: (note: NoteRecord) => void) {
  const [fields, setFields] = useState<NoteFields>(() => fieldsOf(note));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const tracked = useRef<Tracked>({
    fields: fieldsOf(note),
    noteId: note?.id,
    revision: note?.revision,
    kind: note?.kind ?? 'note',
    dirty: false,
    saving: false,
    blocked: false,
  });
  const timer = useRef<number | undefined>(undefined);
  const savedCallback = useRef(onSaved);
  savedCallback.current = onSaved;

  const save = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    const state = tracked.current;
    if (!state.dirty || state.saving || state.blocked) return;
    const { fields: snapshot, noteId, revision } = state;
    state.dirty = false;
    state.saving = true;
    setStatus('saving');
    let succeeded = false;
    try {
      const saved = await kb.saveNote({
        ...(noteId !== undefined && { id: noteId, baseRevision: revision }),
        caseId,
        title: snapshot.title,
        body: snapshot.body,
        tags: parseTags(snapshot.tags),
        kind: state.kind,
      });
      if (noteId === undefined) removeDraft(caseId, undefined);
      state.noteId = saved.id;
      state.revision = saved.revision;
      if (state.dirty) writeDraft(caseId, saved.id, state.fields, saved.revision);
      else removeDraft(caseId, saved.id);
      setStatus(state.dirty ? 'dirty' : 'saved');
      savedCallback.current(saved);
      succeeded = true;
    } catch (error) {
      state.dirty = true;
      if (error instanceof KbError && error.code === 'CONFLICT') {
        state.blocked = true;
        setStatus('conflict');
      } else {
        setStatus('failed');
        reportError(error);
      }
    } finally {
      state.saving = false;
    }
    // Edits made while saving are saved next; after a failure, the next edit or blur tries again.
    if (succeeded && state.dirty) timer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [caseId]);

  const change = useCallback(
    (next: Partial<NoteFields>) => {
      const state = tracked.current;
      state.fields = { ...state.fields, ...next };
      state.dirty = true;
      setFields(state.fields);
      writeDraft(caseId, state.noteId, state.fields, state.revision ?? null);
      if (state.blocked) return;
      setStatus('dirty');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [caseId, save],
  );

  // Leaving the note (another note, another page) saves what is pending.
  useEffect(() => () => void save(), [save]);

  return { fields, status, change, flush: save };
}
