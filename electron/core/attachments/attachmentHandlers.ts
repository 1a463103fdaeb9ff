import type { AttachmentContent, AttachmentRecord, AttachmentType, InvoiceCheck, KbApi } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';
import { optionalBoolean } from '../validation.js';
import { idOf, requireId } from '../notes/validate.js';
import { AttachmentStore } from './attachmentStore.js';
import { readUpload, type UploadedFile } from './fileInput.js';
import { sniffFile } from './fileType.js';
import { ExternalCopies } from './externalCopies.js';
import { invoiceCheckOf } from './caseInvoices.js';
import { TextJobs, type TextOutcome } from './textJobs.js';

export type AttachmentMethods = Pick<
  KbApi,
  | 'addAttachment'
  | 'listAttachments'
  | 'getAttachment'
  | 'deleteAttachment'
  | 'cancelAttachmentText'
  | 'extractAttachmentText'
  | 'checkAttachmentInvoice'
  | 'openAttachmentExternally'
>;

export interface AttachmentVault {
  api: AttachmentMethods;
  /** Ends running OCR (its attachments stay pending and resume at the next start). */
  close(): void;
}

export interface VaultOptions {
  notebook: () => Notebook;
  /** The text worker's file (textWorkerPath). */
  workerPath: string;
  /** Opens a file in the system's viewer (the desktop app's shell.openPath); null where there is none. */
  openFile: ((path: string) => Promise<void>) | null;
}

/** Why a PDF was refused, in words that say what to do. */
function pdfRefusal(name: string, outcome: Exclude<TextOutcome, { ok: true }>): KbError {
  if (outcome.reason === 'password')
    return new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is a password-protected PDF; save an unprotected copy (print it to PDF) and attach that. Nothing was attached`,
    );
  if (outcome.reason === 'invalid')
    return new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} starts like a PDF but is damaged or not one (${outcome.message}). Nothing was attached`,
    );
  return new KbError(
    'INVALID_INPUT',
    `Attachments: the text of ${name} could not be read (${outcome.message}). Nothing was attached`,
  );
}

/**
 * The evidence vault's contract methods: files checked where they enter, stored in the notebook,
 * their text read off the core's thread (PDF at once, images by OCR in the background, one at a time).
 */
export function createAttachmentVault(options: VaultOptions): AttachmentVault {
  const store = new AttachmentStore(options.notebook);
  const copies = new ExternalCopies();
  const jobs = new TextJobs(options.workerPath);
  const waiting = new Map<number, Promise<void>>();
  const canceled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  let pdfKey = 0;

  /** Queues reading the text of an attachment (OCR of an image; a PDF only after an import); settles when it is saved, failed or canceled. */
  const queueOcr = (id: number): Promise<void> => {
    const known = waiting.get(id);
    if (known) return known;
    canceled.delete(id);
    const done = (queue = queue
      .then(async () => {
        if (canceled.has(id)) return;
        let bytes: Buffer;
        let type: AttachmentType;
        try {
          bytes = store.bytes(id);
          type = store.find(id).type;
          if (type === 'text' || type === 'eml') return store.writeText(id, bytes.toString('utf8'));
        } catch {
          return; // Deleted meanwhile, or the notebook was locked: it resumes at the next listing.
        }
        const outcome = await jobs.run(id, type === 'pdf' ? 'pdf' : 'image', bytes);
        try {
          if (outcome.ok) store.writeText(id, outcome.text);
          else
            store.setStatus(
              id,
              outcome.reason === 'canceled' ? 'canceled' : 'failed',
              outcome.reason === 'canceled' ? null : outcome.message,
            );
        } catch {
          // The attachment was deleted or the notebook locked while OCR ran.
        }
      })
      .finally(() => waiting.delete(id)));
    waiting.set(id, done);
    return done;
  };

  /** A record with the live state of its OCR. */
  const withProgress = (record: AttachmentRecord): AttachmentRecord => {
    const progress = jobs.progressOf(record.id);
    if (progress !== null) return { ...record, textStatus: 'running', textProgress: progress };
    return record;
  };

  const readText = async (
    file: UploadedFile,
    type: ReturnType<typeof sniffFile>['type'],
  ): Promise<{ text: string | null; pages: number | null }> => {
    if (type === 'text' || type === 'eml') return { text: Buffer.from(file.bytes).toString('utf8'), pages: null };
    if (type !== 'pdf') return { text: null, pages: null };
    const outcome = await jobs.run(--pdfKey, 'pdf', file.bytes);
    if (!outcome.ok) throw pdfRefusal(file.name, outcome);
    return { text: outcome.text, pages: outcome.pages };
  };

  const api: AttachmentMethods = {
    addAttachment: async (request) => {
      const file = readUpload(request);
      options.notebook(); // A locked notebook refuses before any work.
      const sniffed = sniffFile(file.name, file.bytes);
      if (file.noteId !== null && options.notebook().findNote(file.noteId).caseId !== file.caseId) {
        throw new KbError(
          'INVALID_INPUT',
          `Attachments: note ${file.noteId} belongs to another case than ${file.caseId}`,
        );
      }
      const { text, pages } = await readText(file, sniffed.type);
      const record = store.add({ ...file, ...sniffed, pages, text });
      if (record.textStatus === 'pending') {
        const done = queueOcr(record.id);
        if (file.waitForText) await done;
      }
      return withProgress(store.find(record.id));
    },
    listAttachments: async (request) => {
      const caseId = requireId((request as { caseId?: unknown } | undefined)?.caseId, 'caseId');
      options.notebook().findCase(caseId);
      const records = store.list(caseId);
      // Pending text from before a restart resumes here.
      for (const record of records)
        if ((record.textStatus === 'pending' || record.textStatus === 'running') && !waiting.has(record.id))
          void queueOcr(record.id);
      return store.list(caseId).map(withProgress);
    },
    getAttachment: async (request): Promise<AttachmentContent> => {
      const id = idOf(request);
      return { attachment: withProgress(store.find(id)), base64: store.bytes(id).toString('base64') };
    },
    deleteAttachment: async (request) => {
      const id = idOf(request);
      canceled.add(id);
      jobs.cancel(id);
      return store.delete(id);
    },
    cancelAttachmentText: async (request) => {
      const id = idOf(request);
      const record = store.find(id);
      if (record.textStatus === 'done') return record;
      canceled.add(id);
      jobs.cancel(id);
      // Synchronous from here: a job finishing now cannot save its text between the check and the write.
      if (store.find(id).textStatus !== 'done') store.setStatus(id, 'canceled');
      return store.find(id);
    },
    extractAttachmentText: async (request) => {
      const id = idOf(request);
      const waitForText = optionalBoolean(request?.waitForText, 'waitForText', 'Attachments: ', false);
      const record = store.find(id);
      if (record.type !== 'png' && record.type !== 'jpeg' && record.type !== 'webp')
        throw new KbError(
          'INVALID_INPUT',
          `Attachments: ${record.name} has its text already; only images are read again by OCR`,
        );
      store.setStatus(id, 'pending');
      const done = queueOcr(id);
      if (waitForText) await done;
      return withProgress(store.find(id));
    },
    checkAttachmentInvoice: async (request): Promise<InvoiceCheck> => {
      return invoiceCheckOf(options.notebook(), store.find(idOf(request)));
    },
    openAttachmentExternally: async (request) => {
      const id = idOf(request);
      if (!options.openFile)
        throw new KbError(
          'INVALID_INPUT',
          'Attachments: opening in the system viewer is only in the desktop app; use View, or seller-kb attachment get',
        );
      const record = store.find(id);
      const path = copies.write(record.name, store.bytes(id));
      await options.openFile(path);
      return { path };
    },
  };
  return {
    api,
    close: () => {
      jobs.close();
      copies.removeAll();
    },
  };
}
