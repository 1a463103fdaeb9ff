/** The evidence vault: files attached to a case (invoices, notices, screenshots), kept inside the notebook. */

/** What a file is, told by its first bytes (never by its name alone). */
export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg', 'webp', 'text', 'eml'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The MIME type each attachment type is shown with. */
export const ATTACHMENT_MIME: Readonly<Record<AttachmentType, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  text: 'text/plain',
  eml: 'message/rfc822',
};

/** One file's limit: larger files are refused before they are read. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/**
 * Where its text stands: PDF and text files have theirs when attached; images wait for OCR
 * ('pending', then 'running' with progress), which can be 'canceled' or can have 'failed'.
 */
export const TEXT_STATUSES = ['pending', 'running', 'done', 'failed', 'canceled'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

export interface AttachmentRecord {
  id: number;
  caseId: number;
  /** The note it belongs to, when attached to one. */
  noteId: number | null;
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  /** Images: pixels; otherwise null. */
  width: number | null;
  height: number | null;
  /** PDFs: pages; otherwise null. */
  pages: number | null;
  textStatus: TextStatus;
  /** 0 to 1 while OCR runs. */
  textProgress: number;
  /** Why OCR or text extraction failed, when it did. */
  textError: string | null;
  /** The note of kind "attachment" that holds its text (what notes search finds). */
  textNoteId: number | null;
  createdAt: string;
}

/**
 * A file to attach: `path` (desktop and CLI: the core reads it, checking its size first) or
 * `base64` (web mode: the bytes themselves). `waitForText` resolves only once OCR is done.
 */
export interface AttachmentUpload {
  caseId: number;
  noteId?: number;
  name?: string;
  path?: string;
  base64?: string;
  waitForText?: boolean;
}

export interface AttachmentContent {
  attachment: AttachmentRecord;
  base64: string;
}

/** One line of the invoice checklist Amazon asks for. */
export interface InvoiceCheckItem {
  key: 'date' | 'supplier' | 'address' | 'phone' | 'website' | 'quantities';
  found: boolean;
  /** What was found (the date, the phone number…), or why the item fails. */
  detail: string | null;
}

export interface InvoiceCheck {
  attachmentId: number;
  /** The day dates are measured from: the case's notice date, or today when it has none. */
  referenceDate: string;
  items: InvoiceCheckItem[];
  /** True when every item is found. */
  complete: boolean;
}
