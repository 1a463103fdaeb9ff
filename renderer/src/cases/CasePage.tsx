import { useEffect, useState } from 'react';
import type { CaseDetail, NoteRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { errorMessage, reportError, showToast } from '../services/notices.js';
import { navigate, paths } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { CaseDeadlines } from '../caseFile/CaseDeadlines.js';
import { AttachmentsPanel } from './attachments/AttachmentsPanel.js';
import { CaseActions } from './CaseActions.js';
import { CaseFields } from './CaseFields.js';
import { CaseTimeline } from './CaseTimeline.js';
import { NoteEditor } from './NoteEditor.js';
import { NotesList } from './NotesList.js';
import { PoaBuilder } from './poa/PoaBuilder.js';

/** Which note the editor shows; the key stays the same when a new note gets its id. */
interface Selection {
  key: string;
  noteId: number | null;
}

let editorSessions = 0;
const selectNote = (noteId: number | null): Selection => ({ key: `editor-${++editorSessions}`, noteId });

function withNote(detail: CaseDetail, note: NoteRecord): CaseDetail {
  const others = detail.notes.filter((existing) => existing.id !== note.id);
  return { ...detail, notes: [note, ...others] };
}

/** One case: its fields, notes with the editor, timeline, and actions. */
export function CasePage({ id, noteId }: { id: number; noteId: number | null }) {
  const t = useT();
  const detail = useLoad(() => kb.getCase({ id }), [id]);
  const [selection, setSelection] = useState<Selection | null>(() => (noteId === null ? null : selectNote(noteId)));

  // A note opened from search while this case is already shown.
  useEffect(() => {
    if (noteId !== null) setSelection((current) => (current?.noteId === noteId ? current : selectNote(noteId)));
  }, [noteId]);

  const reloadAndOpen = async (openId: number | null) => {
    try {
      detail.setData(await kb.getCase({ id }));
      setSelection(selectNote(openId));
    } catch (error) {
      reportError(error);
    }
  };

  if (!detail.data) {
    return (
      <div className="page">
        {detail.loading ? <p className="muted">{t.common.loading}</p> : <p>{errorMessage(detail.error, t)}</p>}
        <p>
          <a href={paths.cases()}>← {t.cases.backToList}</a>
        </p>
      </div>
    );
  }

  const data = detail.data;
  const record = data.case;
  const selectedNote =
    selection?.noteId == null ? null : (data.notes.find((note) => note.id === selection.noteId) ?? null);

  const onSaved = (saved: NoteRecord) => {
    const created = !data.notes.some((note) => note.id === saved.id);
    detail.setData(withNote(data, saved));
    setSelection((current) => (current && current.noteId === null ? { ...current, noteId: saved.id } : current));
    if (created) detail.reload();
  };

  const onDelete = async (note: NoteRecord) => {
    try {
      await kb.deleteNote({ id: note.id });
      setSelection(null);
      detail.reload();
      showToast(t.notes.noteDeleted, {
        label: t.common.undo,
        run: () => void kb.restoreNote({ id: note.id }).then(() => reloadAndOpen(note.id), reportError),
      });
    } catch (error) {
      reportError(error);
    }
  };

  const onCaseUpdated = (updated: CaseDetail['case']) => {
    detail.setData({ ...data, case: updated });
    detail.reload();
  };

  const onDeleteCase = async () => {
    try {
      await kb.deleteCase({ id });
      navigate(paths.cases());
      showToast(t.cases.caseDeleted, {
        label: t.common.undo,
        run: () => void kb.restoreCase({ id }).then(() => navigate(paths.case(id)), reportError),
      });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <div className="page page-wide case-page">
      <p className="breadcrumb">
        <a href={paths.cases()}>← {t.cases.backToList}</a>
      </p>
      <h1>{record.title}</h1>
      <CaseActions
        caseId={id}
        onDrafted={(note) => void reloadAndOpen(note.id)}
        onExported={detail.reload}
        onDelete={() => void onDeleteCase()}
      />
      <CaseFields record={record} onUpdated={onCaseUpdated} />
      <CaseDeadlines record={record} onUpdated={onCaseUpdated} />
      <PoaBuilder record={record} onCaseChanged={detail.reload} />
      <section className="card case-notes" aria-labelledby="notes-title">
        <h2 id="notes-title">{t.notes.title}</h2>
        <div className="notes-layout">
          <NotesList
            notes={data.notes}
            selectedId={selection?.noteId ?? null}
            onSelect={(note) => setSelection(selectNote(note.id))}
            onNew={() => setSelection(selectNote(null))}
          />
          {selection && (selection.noteId === null || selectedNote) && (
            <NoteEditor
              key={selection.key}
              caseId={id}
              note={selectedNote}
              onSaved={onSaved}
              onDelete={(note) => void onDelete(note)}
              onReload={() => void reloadAndOpen(selection.noteId)}
            />
          )}
        </div>
      </section>
      <AttachmentsPanel caseId={id} />
      <CaseTimeline activity={data.activity} />
    </div>
  );
}
