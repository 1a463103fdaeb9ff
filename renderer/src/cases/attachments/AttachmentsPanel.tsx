import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { AttachmentRecord } from '../../../../electron/common/index.js';
import { ATTACHMENT_MIME } from '../../../../electron/common/index.js';
import { kb } from '../../api/index.js';
import { reportError, showToast } from '../../services/notices.js';
import { useLoad } from '../../services/useLoad.js';
import { useT } from '../../i18n/useT.js';
import '../../styles/attachments.css';
import { AttachmentViewer } from './AttachmentViewer.js';
import { PdfPage } from './PdfPage.js';
import { dataUrl, isImage, sizeText, uploadFile } from './uploadFile.js';

const POLL_MS = 1000;
/** Thumbnails are drawn by the browser from the file itself (never stored); larger files show their type instead. */
const MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024;

function Thumbnail({ record }: { record: AttachmentRecord }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (isImage(record) && record.size <= MAX_THUMBNAIL_BYTES)
      kb.getAttachment({ id: record.id }).then(
        (content) => current && setSource(dataUrl(ATTACHMENT_MIME[record.type], content.base64)),
        reportError,
      );
    return () => {
      current = false;
    };
  }, [record.id, record.type, record.size]);
  if (source) return <img className="attachment-thumbnail" src={source} alt="" data-testid="attachment-thumbnail" />;
  if (record.type === 'pdf' && record.size <= MAX_THUMBNAIL_BYTES)
    return <PdfPage id={record.id} width={48} label="" testId="attachment-thumbnail" />;
  return (
    <span className={`attachment-thumbnail attachment-type-${record.type}`} aria-hidden="true">
      {record.type.toUpperCase()}
    </span>
  );
}

/** The evidence of a case: drop or pick files, see their text status, view them, check invoices. */
export function AttachmentsPanel({ caseId }: { caseId: number }) {
  const t = useT();
  const list = useLoad(() => kb.listAttachments({ caseId }), [caseId]);
  const [texts, setTexts] = useState(new Map<number, string>());
  // The case's own notes (not attachment texts), which a new file may be attached to.
  const [notes, setNotes] = useState<{ id: number; title: string }[]>([]);
  const [target, setTarget] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const records = list.data ?? [];
  const reading = records.some((record) => record.textStatus === 'pending' || record.textStatus === 'running');
  const doneKey = records.map((record) => `${record.id}:${record.textStatus}`).join(',');

  // OCR runs in the core; while it does, the list is read again for its progress.
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => void kb.listAttachments({ caseId }).then(list.setData, () => {}), POLL_MS);
    return () => clearInterval(timer);
  }, [reading, caseId, list.setData]);

  // The text of each attachment is its note of kind "attachment"; the other notes are targets.
  const [notesVersion, setNotesVersion] = useState(0);
  useEffect(() => {
    let current = true;
    kb.getCase({ id: caseId }).then(
      (detail) => {
        if (!current) return;
        setTexts(
          new Map(detail.notes.filter((note) => note.kind === 'attachment').map((note) => [note.id, note.body])),
        );
        setNotes(
          detail.notes
            .filter((note) => note.kind !== 'attachment')
            .map((note) => ({ id: note.id, title: note.title || t.attachments.untitledNote(note.id) })),
        );
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [caseId, doneKey, notesVersion, t]);
  const noteTitle = (id: number) => notes.find((note) => note.id === id)?.title ?? t.attachments.untitledNote(id);

  const attach = async (files: File[]) => {
    for (const file of files) {
      setBusy(t.attachments.uploading(file.name));
      try {
        const record = await uploadFile(caseId, file, notes.some((note) => note.id === target) ? target : null);
        showToast(t.attachments.attached(record.name));
      } catch (error) {
        reportError(error);
      }
    }
    setBusy(null);
    list.reload();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void attach([...event.dataTransfer.files]);
  };

  const act = (work: () => Promise<unknown>) => void work().then(list.reload, reportError);
  const selectedRecord = records.find((record) => record.id === selected) ?? null;

  return (
    <section className="card case-attachments" aria-labelledby="attachments-title" data-testid="attachments-panel">
      <h2 id="attachments-title">{t.attachments.title}</h2>
      <p className="muted">{t.attachments.intro}</p>
      <div
        className={`attachment-drop${dragging ? ' dragging' : ''}`}
        data-testid="attachment-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {t.attachments.drop}{' '}
        <button type="button" className="link-button" onClick={() => input.current?.click()}>
          {t.attachments.choose}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          accept=".pdf,.png,.jpg,.jpeg,.webp,.txt,.eml"
          onChange={(event) => void attach([...(event.target.files ?? [])]).then(() => (event.target.value = ''))}
        />
        <p className="muted">{t.attachments.types}</p>
        <label className="attachment-target">
          {t.attachments.attachTo}{' '}
          <select
            data-testid="attachment-target"
            value={target ?? ''}
            // Notes added since the panel opened are offered too.
            onFocus={() => setNotesVersion((version) => version + 1)}
            onChange={(event) => setTarget(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t.attachments.wholeCase}</option>
            {notes.map((note) => (
              <option key={note.id} value={note.id}>
                {note.title}
              </option>
            ))}
          </select>
        </label>
        {busy && <p role="status">{busy}</p>}
      </div>
      {records.length === 0 ? (
        <p className="muted">{t.attachments.empty}</p>
      ) : (
        <ul className="attachment-list">
          {records.map((record) => (
            <li key={record.id} data-testid="attachment-row" data-status={record.textStatus}>
              <Thumbnail record={record} />
              <span className="attachment-name">{record.name}</span>
              {record.noteId !== null && (
                <span className="attachment-note" data-testid="attachment-note">
                  {t.attachments.onNote(noteTitle(record.noteId))}
                </span>
              )}
              <span className="muted">{sizeText(record.size)}</span>
              <span className="attachment-status" data-testid="attachment-status">
                {t.attachments.status[record.textStatus]}
                {record.textStatus === 'running' && (
                  <progress max={1} value={record.textProgress} aria-label={t.attachments.status.running} />
                )}
              </span>
              {(record.textStatus === 'pending' || record.textStatus === 'running') && (
                <button type="button" onClick={() => act(() => kb.cancelAttachmentText({ id: record.id }))}>
                  {t.attachments.cancel}
                </button>
              )}
              {(record.textStatus === 'canceled' || record.textStatus === 'failed') && isImage(record) && (
                <button type="button" onClick={() => act(() => kb.extractAttachmentText({ id: record.id }))}>
                  {t.attachments.retry}
                </button>
              )}
              <button type="button" onClick={() => setSelected(record.id)}>
                {t.attachments.view}
              </button>
              <button
                type="button"
                onClick={() =>
                  act(async () => {
                    await kb.deleteAttachment({ id: record.id });
                    if (selected === record.id) setSelected(null);
                    showToast(t.attachments.deleted(record.name));
                  })
                }
              >
                {t.attachments.delete}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selectedRecord && (
        <AttachmentViewer
          record={selectedRecord}
          text={selectedRecord.textNoteId === null ? null : (texts.get(selectedRecord.textNoteId) ?? null)}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}
