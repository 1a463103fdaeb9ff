import type { AttachmentRecord, InvoiceCheck } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';
import { AttachmentStore } from './attachmentStore.js';
import { checkInvoice } from './invoiceCheck.js';

/** An attachment whose text reads as an invoice, with Amazon's checklist for it. */
export interface CheckedInvoice {
  name: string;
  check: InvoiceCheck;
}

/** A word that every invoice prints, in the languages of the marketplaces the app knows. */
const INVOICE_WORD = /\binvoice\b|\brechnung\b|\bfacture\b|\bfattura\b|\bfactura\b|発票|发票|請求書|納品書|インボイス/i;

/** The checklist for one attachment: its text read against the case's notice date (or today). */
export function invoiceCheckOf(notebook: Notebook, record: AttachmentRecord): InvoiceCheck {
  const referenceDate = notebook.findCase(record.caseId).noticeReceived ?? notebook.today();
  const items = checkInvoice(attachmentText(notebook, record), referenceDate);
  return { attachmentId: record.id, referenceDate, items, complete: items.every((item) => item.found) };
}

/** The case's attachments whose text says it is an invoice, oldest first, each checked: what the Plan-of-Action checks read. */
export function caseInvoices(notebook: Notebook, caseId: number): CheckedInvoice[] {
  return new AttachmentStore(() => notebook)
    .list(caseId)
    .reverse()
    .filter((record) => INVOICE_WORD.test(attachmentText(notebook, record)))
    .map((record) => ({ name: record.name, check: invoiceCheckOf(notebook, record) }));
}

function attachmentText(notebook: Notebook, record: AttachmentRecord): string {
  return record.textNoteId === null ? '' : notebook.findNote(record.textNoteId).body;
}
