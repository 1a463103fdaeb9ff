import { useDeferredValue, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { NoteRecord } from '../../../electron/common/index.js';
import { formatInstant } from '../services/dates.js';
import { handleRenderedLinkClick } from '../services/links.js';
import { useT } from '../i18n/useT.js';
import { renderNotePreview } from '../markdown.js';
import { useUiLang } from '../settings/preferences.js';
import { readDraft, removeDraft, sameFields, type NoteDraft } from './noteDrafts.js';
import { NoteHistory } from './poa/NoteHistory.js';
import { copyLetter } from './poa/placeholders.js';
import { fieldsOf, useNoteAutosave, type SaveStatus } from './useNoteAutosave.js';

interface Props {
  caseId: number;
  /** null for a new note, created on its first save. */
  note: NoteRecord | null;
  onSaved: (note: NoteRecord) => void;
  onDelete: (note: NoteRecord) => void;
  onReload: () => void;
}

function previewOf(body: string): { html: string; shownChars: number | null } {
  try {
    return renderNotePreview(body);
  } catch {
    return { html: '', shownChars: null };
  }
}

/** A draft in the notebook (or, while it is locked, in memory) that differs from the saved note, offered once when the note opens. */
async function pendingDraft(caseId: number, note: NoteRecord | null): Promise<NoteDraft | null> {
  const draft = await readDraft(caseId, note?.id);
  if (!draft) return null;
  if (sameFields(draft, fieldsOf(note))) {
    removeDraft(caseId, note?.id);
    return null;
  }
  return draft;
}

/** Title, tags and Markdown body with a live preview; saves itself (see useNoteAutosave). */
export function NoteEditor({ caseId, note, onSaved, onDelete, onReload }: Props) {
  const t = useT();
  const ui = useUiLang();
  const { fields, status, change, flush } = useNoteAutosave(caseId, note, onSaved);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  // Looked up once, when the note opens (the editor is keyed per note), against the note as it opened.
  const openedWith = useRef({ caseId, note });
  useEffect(() => {
    let current = true;
    void pendingDraft(openedWith.current.caseId, openedWith.current.note).then((found) => current && setDraft(found));
    return () => {
      current = false;
    };
  }, []);
  const deferredBody = useDeferredValue(fields.body);
  const rendered = useMemo(() => previewOf(deferredBody), [deferredBody]);
  const preview = useMemo(() => ({ __html: rendered.html }), [rendered]);
  const statusText: Record<SaveStatus, string> = {
    saved: t.notes.saved,
    dirty: t.notes.unsaved,
    saving: t.notes.saving,
    failed: t.notes.saveFailed,
    conflict: t.notes.unsaved,
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush();
  };

  return (
    <section className="note-editor" aria-label={t.notes.editor} onBlur={onBlur}>
      {draft && (
        <div className="draft-offer" role="status">
          <p>{t.notes.draftFound(formatInstant(draft.savedAt, ui))}</p>
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                change({ title: draft.title, tags: draft.tags, body: draft.body });
                setDraft(null);
              }}
            >
              {t.notes.restoreDraft}
            </button>
            <button
              type="button"
              onClick={() => {
                removeDraft(caseId, note?.id);
                setDraft(null);
              }}
            >
              {t.notes.discardDraft}
            </button>
          </div>
        </div>
      )}
      {status === 'conflict' && (
        <div className="conflict-message" role="alert">
          <p>{t.notes.conflict}</p>
          <button type="button" className="button-primary" onClick={onReload}>
            {t.notes.reload}
          </button>
        </div>
      )}
      <div className="note-fields">
        <div className="field field-grow">
          <label htmlFor="note-title">{t.notes.noteTitle}</label>
          <input
            id="note-title"
            data-testid="note-title"
            type="text"
            value={fields.title}
            onChange={(event) => change({ title: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="note-tags">
            {t.notes.tags} <span className="field-hint">({t.notes.tagsHint})</span>
          </label>
          <input
            id="note-tags"
            data-testid="note-tags"
            type="text"
            value={fields.tags}
            onChange={(event) => change({ tags: event.target.value })}
          />
        </div>
      </div>
      <div className="note-panes">
        <div className="field note-body-field">
          <label htmlFor="note-body">{t.notes.body}</label>
          <textarea
            id="note-body"
            data-testid="note-body"
            value={fields.body}
            spellCheck={false}
            onChange={(event) => change({ body: event.target.value })}
          />
        </div>
        <div className="note-preview-pane">
          <h3 className="field-label" id="note-preview-title">
            {t.notes.preview}
          </h3>
          {rendered.shownChars !== null && (
            <p className="preview-cap-notice" role="status" data-testid="preview-cap">
              {t.renderCap.previewCut(rendered.shownChars, deferredBody.length)}
            </p>
          )}
          {fields.body.trim() ? (
            <div
              className="note-preview article-body"
              data-testid="note-preview"
              aria-labelledby="note-preview-title"
              role="region"
              tabIndex={0}
              onClick={handleRenderedLinkClick}
              dangerouslySetInnerHTML={preview}
            />
          ) : (
            <div className="note-preview is-empty" data-testid="note-preview">
              {t.notes.previewEmpty}
            </div>
          )}
        </div>
      </div>
      <div className="note-footer">
        <span className={`save-status save-${status}`} aria-live="polite" data-testid="note-status">
          {statusText[status]}
        </span>
        <div className="button-row">
          {note?.kind === 'plan-of-action' && (
            <button type="button" data-testid="copy-plain" onClick={() => void copyLetter(fields.body, t)}>
              {t.notes.copyPlain}
            </button>
          )}
          {note && <NoteHistory noteId={note.id} onRestored={onReload} />}
          {note && (
            <button type="button" className="button-danger" onClick={() => void flush().then(() => onDelete(note))}>
              {t.notes.deleteNote}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
