import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbMethod } from '../../electron/common/index.js';
import type { Core } from '../../electron/core/createCore.js';
import { APP_ROOT } from './tempDir.js';

/** What the table's valid arguments refer to: made once in a test core before the table runs. */
export interface ArgumentFixture {
  caseId: number;
  noteId: number;
  attachmentId: number;
  articleId: string;
  checklist: string;
  notice: string;
  /** An absolute *.db path that does not exist (restore and check refuse it as NOT_FOUND). */
  missingFile: string;
  /** A case of its own, for a method that changes or deletes the case it is given. */
  freshCase(): Promise<number>;
  freshNote(): Promise<number>;
  /** A case, and a note, in the trash: what restoreCase and restoreNote take. */
  trashedCase(): Promise<number>;
  trashedNote(): Promise<number>;
}

type Fields = Record<string, unknown>;

export interface MethodArguments {
  /** The names of the argument's fields: a refusal must name the field that was wrong. */
  names: readonly string[];
  /** An argument that is right in every field, so that one hostile field is checked on its own. */
  valid?: (fixture: ArgumentFixture) => Fields | Promise<Fields>;
  /** Why the valid argument is still refused (for what the notebook holds, not for its fields): then that refusal names no field. */
  refusedAsItIs?: string;
  /** Words that also name the argument: a refusal of a file's content names the file. */
  alsoNamedBy?: readonly string[];
}

/**
 * Every contract method's argument: its field names and a valid value. A Record over KbMethod, so
 * the type checker asks for an entry for every method added to the contract.
 */
export const CONTRACT_ARGUMENTS: Record<KbMethod, MethodArguments> = {
  getLibraryInfo: { names: [] },
  listArticles: { names: ['category', 'lang'], valid: () => ({ lang: 'en' }) },
  getArticle: { names: ['id'], valid: ({ articleId }) => ({ id: articleId }) },
  search: {
    names: ['text', 'lang', 'preferLang', 'category', 'marketplace', 'limit'],
    valid: () => ({ text: '移除订单', lang: 'zh', limit: 5 }),
  },
  getContacts: { names: [] },
  getGlossary: { names: [] },
  addUserFolder: { names: ['path'] },
  removeUserFolder: { names: ['path'] },
  getChecklistProgress: { names: ['articleId'], valid: ({ articleId }) => ({ articleId }) },
  setChecklistStep: {
    names: ['articleId', 'checklist', 'step', 'done'],
    valid: ({ articleId, checklist }) => ({ articleId, checklist, step: 0, done: true }),
  },
  resetChecklist: { names: ['articleId'], valid: ({ articleId }) => ({ articleId }) },
  listCases: { names: [] },
  getCase: { names: ['id'], valid: ({ caseId }) => ({ id: caseId }) },
  createCase: {
    names: [
      'title',
      'marketplace',
      'cause',
      'status',
      'noticeReceived',
      'appealSent',
      'nextFollowUp',
      'asins',
      'linkedArticles',
    ],
    valid: () => ({
      title: 'Hostile fields',
      marketplace: 'DE',
      cause: 'counterfeit',
      status: 'open',
      noticeReceived: '2026-11-01',
      asins: ['B0TESTTEST'],
      linkedArticles: [],
    }),
  },
  updateCase: {
    names: ['id', 'changes'],
    valid: ({ caseId }) => ({ id: caseId, changes: { title: 'Still hostile' } }),
  },
  deleteCase: { names: ['id'], valid: async ({ freshCase }) => ({ id: await freshCase() }) },
  restoreCase: { names: ['id'], valid: async ({ trashedCase }) => ({ id: await trashedCase() }) },
  saveNote: {
    names: ['caseId', 'body', 'title', 'tags', 'kind', 'id', 'baseRevision'],
    valid: ({ caseId }) => ({ caseId, body: 'A note', title: 'T', tags: ['a'], kind: 'note' }),
  },
  deleteNote: { names: ['id'], valid: async ({ freshNote }) => ({ id: await freshNote() }) },
  restoreNote: { names: ['id'], valid: async ({ trashedNote }) => ({ id: await trashedNote() }) },
  listTrash: { names: [] },
  searchNotes: { names: ['text', 'limit'], valid: () => ({ text: 'note', limit: 5 }) },
  listDue: { names: ['withinDays'], valid: () => ({ withinDays: 7 }) },
  draftPlanOfAction: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  exportNotebook: {
    names: ['format', 'caseId', 'lang'],
    valid: ({ caseId }) => ({ format: 'md', caseId, lang: 'en' }),
  },
  importNotebook: { names: ['json'] },
  backupNotebook: { names: ['path'] },
  listBackups: { names: [] },
  restoreNotebook: { names: ['path', 'passphrase'], valid: ({ missingFile }) => ({ path: missingFile }) },
  checkNotebook: { names: ['path', 'passphrase'], valid: ({ missingFile }) => ({ path: missingFile }) },
  getNotebookSecurity: { names: [] },
  unlockNotebook: { names: ['passphrase'] },
  lockNotebook: { names: [] },
  encryptNotebook: { names: ['passphrase'] },
  changeNotebookPassphrase: {
    names: ['current', 'next'],
    valid: () => ({ current: 'not the passphrase', next: 'a new passphrase' }),
  },
  decryptNotebook: { names: ['passphrase'] },
  checkSpelling: { names: ['word'], valid: () => ({ word: 'appeal' }) },
  analyzeNotice: { names: ['text'], valid: ({ notice }) => ({ text: notice }) },
  createCaseFromNotice: { names: ['text', 'title'], valid: ({ notice }) => ({ text: notice, title: 'From a notice' }) },
  getCaseNotice: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  listCaseDeadlines: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  listDueDeadlines: { names: ['withinDays'], valid: () => ({ withinDays: 7 }) },
  exportCaseCalendar: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  getReminderSettings: { names: [] },
  setReminderSettings: { names: ['keepInTray'], valid: () => ({ keepInTray: false }) },
  getPoaForm: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  answerPoaQuestion: {
    names: ['caseId', 'question', 'text'],
    valid: ({ caseId }) => ({ caseId, question: 'root-cause', text: 'A shared office computer.' }),
  },
  buildPoaDraft: {
    names: ['caseId', 'text'],
    valid: ({ caseId }) => ({ caseId, text: 'Dear Seller Performance team,' }),
  },
  submitAppeal: {
    names: ['caseId', 'text'],
    valid: ({ caseId }) => ({ caseId, text: 'Dear Seller Performance team,' }),
  },
  listAppeals: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  compareAppeals: { names: ['caseId', 'from', 'to'], valid: ({ caseId }) => ({ caseId, from: 1, to: 1 }) },
  listNoteRevisions: { names: ['noteId'], valid: ({ noteId }) => ({ noteId }) },
  compareNoteRevisions: { names: ['noteId', 'from', 'to'], valid: ({ noteId }) => ({ noteId, from: 0, to: 0 }) },
  restoreNoteRevision: { names: ['noteId', 'revisionId'], valid: ({ noteId }) => ({ noteId, revisionId: 0 }) },
  getNoteDraft: { names: ['caseId', 'noteId'], valid: ({ caseId, noteId }) => ({ caseId, noteId }) },
  saveNoteDraft: {
    names: ['caseId', 'noteId', 'title', 'tags', 'body', 'baseRevision'],
    valid: ({ caseId }) => ({ caseId, title: '', tags: '', body: 'typing' }),
  },
  discardNoteDraft: { names: ['caseId', 'noteId'], valid: ({ caseId }) => ({ caseId }) },
  addAttachment: {
    names: ['caseId', 'noteId', 'name', 'path', 'base64', 'waitForText'],
    valid: ({ caseId }) => ({ caseId, name: 'hostile.txt', base64: Buffer.from('evidence').toString('base64') }),
    alsoNamedBy: ['hostile.txt'],
  },
  listAttachments: { names: ['caseId'], valid: ({ caseId }) => ({ caseId }) },
  getAttachment: { names: ['id'], valid: ({ attachmentId }) => ({ id: attachmentId }) },
  deleteAttachment: { names: ['id'] },
  cancelAttachmentText: { names: ['id'], valid: ({ attachmentId }) => ({ id: attachmentId }) },
  extractAttachmentText: {
    names: ['id', 'waitForText'],
    valid: ({ attachmentId }) => ({ id: attachmentId, waitForText: false }),
    refusedAsItIs: 'only images are read again, and OCR is too slow for the table',
  },
  checkAttachmentInvoice: { names: ['id'], valid: ({ attachmentId }) => ({ id: attachmentId }) },
  openAttachmentExternally: {
    names: ['id'],
    valid: ({ attachmentId }) => ({ id: attachmentId }),
    refusedAsItIs: 'only the desktop app opens files in the system viewer',
  },
  getPreferences: { names: [] },
  setPreferences: {
    names: ['uiLanguage', 'articleLanguage', 'theme', 'zoom', 'bookmarks', 'recent'],
    valid: () => ({ theme: 'dark' }),
  },
};

/** Makes what the table's valid arguments refer to, in `core`'s notebook. */
export async function makeArgumentFixture(core: Core, dir: string): Promise<ArgumentFixture> {
  const freshCase = async () => (await core.createCase({ title: 'Fuzz target' })).id;
  const caseId = await freshCase();
  const freshNote = async () => (await core.saveNote({ caseId, body: 'A note to delete' })).id;
  const noteId = await freshNote();
  const attachment = await core.addAttachment({
    caseId,
    name: 'evidence.txt',
    base64: Buffer.from('invoice 2026').toString('base64'),
  });
  const articleId = 'fba-removal-order-en';
  const checklist = (await core.getArticle({ id: articleId })).checklists[0]!.name;
  const notice = readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'notices', '12-counterfeit-de.txt'), 'utf8');
  const trashedCase = async () => (await core.deleteCase({ id: await freshCase() })).id;
  const trashedNote = async () => (await core.deleteNote({ id: await freshNote() })).id;
  return {
    caseId,
    noteId,
    attachmentId: attachment.id,
    articleId,
    checklist,
    notice,
    missingFile: join(dir, 'missing.db'),
    freshCase,
    freshNote,
    trashedCase,
    trashedNote,
  };
}
