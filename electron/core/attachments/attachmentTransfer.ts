import { KbError } from '../../common/index.js';
import type { CaseTransfer } from '../notes/caseTransfer.js';
import type { Notebook } from '../notes/notebook.js';
import { sha256Of } from './attachmentStore.js';
import { readUpload } from './fileInput.js';
import { sniffFile } from './fileType.js';

/** An attachment in a JSON export: its bytes as base64, and which of the case's exported notes holds its text. */
export interface ExportedAttachment {
  name: string;
  type: string;
  sha256: string;
  createdAt: string;
  base64: string;
  /** Index into the case's exported notes; null when its text is not among them (still to come). */
  textNoteIndex: number | null;
}

interface AttachmentExportRow {
  name: string;
  type: string;
  sha256: string;
  created_at: string;
  data: Buffer;
  text_note_id: number | null;
}

/** A case's attachments for a JSON export (what importAttachments reads back). */
export function exportAttachments(
  notebook: Notebook,
  caseId: number,
  noteIds: number[],
): { attachments: ExportedAttachment[] } {
  const rows = notebook.db
    .prepare(
      'SELECT a.name, a.type, b.sha256, a.created_at, b.data, a.text_note_id FROM attachments a JOIN attachment_blobs b ON b.id = a.blob_id WHERE a.case_id = ? ORDER BY a.id',
    )
    .all(caseId) as AttachmentExportRow[];
  return {
    attachments: rows.map((row) => {
      const index = row.text_note_id === null ? -1 : noteIds.indexOf(row.text_note_id);
      return {
        name: row.name,
        type: row.type,
        sha256: row.sha256,
        createdAt: row.created_at,
        base64: row.data.toString('base64'),
        textNoteIndex: index === -1 ? null : index,
      };
    }),
  };
}

/**
 * Stores the attachments of an imported case (inside the import's transaction), each checked as a
 * new upload is: size, type by its bytes, and its SHA-256 against the export's. Its text note is
 * the imported one; without it, the text is read again at the next listing.
 */
export function importAttachments(
  notebook: Notebook,
  caseId: number,
  imported: Record<string, unknown>,
  noteIds: number[],
): void {
  const list = imported.attachments;
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new KbError('INVALID_INPUT', 'Attachments: "attachments" must be a list');
  list.forEach((entry: unknown, index) => {
    const fields = (entry ?? {}) as Partial<Record<keyof ExportedAttachment, unknown>>;
    const where = `attachment ${index + 1}`;
    const file = readUpload({ caseId, name: fields.name, base64: fields.base64 });
    const sniffed = sniffFile(file.name, file.bytes);
    const sha256 = sha256Of(file.bytes);
    if (typeof fields.sha256 === 'string' && fields.sha256 !== sha256)
      throw new KbError(
        'INVALID_INPUT',
        `Attachments: ${where} (${file.name}) is damaged: its SHA-256 does not match the export's`,
      );
    const textNoteId = typeof fields.textNoteIndex === 'number' ? (noteIds[fields.textNoteIndex] ?? null) : null;
    const createdAt =
      typeof fields.createdAt === 'string' && !Number.isNaN(Date.parse(fields.createdAt))
        ? fields.createdAt
        : notebook.timestamp();
    const db = notebook.db;
    db.prepare('INSERT INTO attachment_blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT(sha256) DO NOTHING').run(
      sha256,
      file.bytes.length,
      file.bytes,
    );
    const blobId = db.prepare('SELECT id FROM attachment_blobs WHERE sha256 = ?').pluck().get(sha256) as number;
    db.prepare(
      'INSERT INTO attachments (case_id, blob_id, name, type, width, height, text_status, text_note_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      caseId,
      blobId,
      file.name,
      sniffed.type,
      sniffed.width,
      sniffed.height,
      textNoteId === null ? 'pending' : 'done',
      textNoteId,
      createdAt,
    );
  });
}

/** The attachments' share of a case in a JSON export. */
export const attachmentTransfer: CaseTransfer = { exportCase: exportAttachments, importCase: importAttachments };
