import { createHash } from 'node:crypto';
import type { AttachmentRecord, AttachmentType, TextStatus } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';
import { MAX_NOTE_CHARS } from '../notes/validate.js';

interface AttachmentRow {
  id: number;
  case_id: number;
  note_id: number | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  pages: number | null;
  text_status: string;
  text_error: string | null;
  text_note_id: number | null;
  created_at: string;
}

const SELECT = `SELECT a.id, a.case_id, a.note_id, a.name, a.type, b.size, b.sha256, a.width, a.height, a.pages, a.text_status, a.text_error, a.text_note_id, a.created_at
  FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id`;

function toRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    noteId: row.note_id,
    name: row.name,
    type: row.type as AttachmentType,
    size: row.size,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    pages: row.pages,
    textStatus: row.text_status as TextStatus,
    textProgress: row.text_status === 'done' ? 1 : 0,
    textError: row.text_error,
    textNoteId: row.text_note_id,
    createdAt: row.created_at,
  };
}

/** A file ready to store: checked, typed, and (for PDF and text) with its text. */
export interface CheckedFile {
  caseId: number;
  noteId: number | null;
  name: string;
  bytes: Uint8Array;
  type: AttachmentType;
  width: number | null;
  height: number | null;
  pages: number | null;
  /** null: text still to come (OCR). */
  text: string | null;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Attachment rows and their content-addressed blobs, inside the notebook's own database. */
export class AttachmentStore {
  constructor(private readonly notebook: () => Notebook) {}

  /** Live attachments of a case, newest first. */
  list(caseId: number): AttachmentRecord[] {
    return (
      this.notebook().db.prepare(`${SELECT} WHERE a.case_id = ? ORDER BY a.id DESC`).all(caseId) as AttachmentRow[]
    ).map(toRecord);
  }

  find(id: number): AttachmentRecord {
    const row = this.notebook().db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AttachmentRow | undefined;
    if (!row) throw new KbError('NOT_FOUND', `Attachments: attachment ${id} not found`);
    return toRecord(row);
  }

  /** Attachments whose text was still to come when the app last stopped. */
  unfinished(): number[] {
    return this.notebook()
      .db.prepare("SELECT id FROM attachments WHERE text_status IN ('pending', 'running') ORDER BY id")
      .pluck()
      .all() as number[];
  }

  bytes(id: number): Buffer {
    const data = this.notebook()
      .db.prepare('SELECT b.data FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id WHERE a.id = ?')
      .pluck()
      .get(id) as Buffer | undefined;
    if (!data) throw new KbError('NOT_FOUND', `Attachments: attachment ${id} not found`);
    return data;
  }

  /**
   * Stores a checked file in one transaction: its bytes once per SHA-256, its row, and its text as
   * a note. The same file attached to the same case again returns the attachment it already is.
   */
  add(file: CheckedFile, createdAt?: string): AttachmentRecord {
    const notebook = this.notebook();
    const sha256 = sha256Of(file.bytes);
    const id = notebook.write(() => {
      if (notebook.findCase(file.caseId).deletedAt)
        throw new KbError('INVALID_INPUT', `Attachments: case ${file.caseId} is in the trash; restore it first`);
      const db = notebook.db;
      db.prepare(
        'INSERT INTO attachment_blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT(sha256) DO NOTHING',
      ).run(sha256, file.bytes.length, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
      const blobId = db.prepare('SELECT id FROM attachment_blobs WHERE sha256 = ?').pluck().get(sha256) as number;
      const existing = db
        .prepare('SELECT id FROM attachments WHERE case_id = ? AND blob_id = ?')
        .pluck()
        .get(file.caseId, blobId) as number | undefined;
      if (existing !== undefined) return existing;
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO attachments (case_id, note_id, blob_id, name, type, width, height, pages, text_status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          file.caseId,
          file.noteId,
          blobId,
          file.name,
          file.type,
          file.width,
          file.height,
          file.pages,
          file.text === null ? 'pending' : 'done',
          createdAt ?? notebook.timestamp(),
        );
      const attachmentId = Number(lastInsertRowid);
      if (file.text !== null) this.writeText(attachmentId, file.text);
      return attachmentId;
    });
    return this.find(id);
  }

  /** Saves an attachment's text as its note of kind "attachment" (what notes search finds), and marks it done. */
  writeText(id: number, text: string): void {
    const notebook = this.notebook();
    notebook.write(() => {
      const record = this.find(id);
      const body = text.trim().slice(0, MAX_NOTE_CHARS) || `(no text found in ${record.name})`;
      const existingNote =
        record.textNoteId === null
          ? null
          : notebook.db
              .prepare('SELECT id FROM notes WHERE id = ? AND deleted_at IS NULL')
              .pluck()
              .get(record.textNoteId);
      const note = notebook.saveNote({
        id: existingNote === null || existingNote === undefined ? undefined : (record.textNoteId ?? undefined),
        caseId: record.caseId,
        title: record.name.slice(0, 300),
        body,
        kind: 'attachment',
        tags: ['attachment'],
      });
      notebook.db
        .prepare("UPDATE attachments SET text_status = 'done', text_error = NULL, text_note_id = ? WHERE id = ?")
        .run(note.id, id);
    });
  }

  setStatus(id: number, status: TextStatus, error: string | null = null): void {
    const notebook = this.notebook();
    notebook.write(() =>
      notebook.db.prepare('UPDATE attachments SET text_status = ?, text_error = ? WHERE id = ?').run(status, error, id),
    );
  }

  /** Removes an attachment, its text note, and its bytes when no other attachment shares them. */
  delete(id: number): AttachmentRecord {
    const notebook = this.notebook();
    return notebook.write(() => {
      const record = this.find(id);
      const db = notebook.db;
      const blobId = db.prepare('SELECT blob_id FROM attachments WHERE id = ?').pluck().get(id) as number;
      db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
      if (record.textNoteId !== null) {
        db.prepare('DELETE FROM note_grams WHERE rowid = ?').run(record.textNoteId);
        db.prepare("DELETE FROM notes WHERE id = ? AND kind = 'attachment'").run(record.textNoteId);
      }
      db.prepare(
        'DELETE FROM attachment_blobs WHERE id = ? AND NOT EXISTS (SELECT 1 FROM attachments WHERE blob_id = ?)',
      ).run(blobId, blobId);
      return record;
    });
  }
}
