/**
 * The one contract between the renderer and the core. Every door (IPC, HTTP bridge, CLI) and the
 * renderer's clients loop over KB_METHODS, so a method added here is added everywhere.
 * Every method takes at most one JSON-safe argument and resolves to JSON-safe data.
 */
import type { Article, ArticleSummary, Category, Contact, GlossaryTerm, Lang, LibraryInfo } from './content.js';
import type {
  BackupInfo,
  CaseDetail,
  CaseInput,
  CaseRecord,
  ChecklistProgress,
  ChecklistStepChange,
  DueItem,
  ExportFile,
  ExportRequest,
  ImportSummary,
  NoteHit,
  NoteInput,
  NoteRecord,
  NotebookSecurity,
  NotebookStatus,
  SecurityChange,
  TrashContents,
} from './notebook.js';
import type { AppealLog, DiffPart, NoteRevision, PoaAnswerRequest, PoaDraft, PoaForm } from './planOfAction.js';
import type { NoteDraft, NoteDraftInput, NoteDraftKey } from './noteDrafts.js';
import type { Preferences } from './preferences.js';
import type { SearchQuery, SearchResult } from './search.js';
import type { SpellingCheck } from './spelling.js';
import type {
  CalendarFile,
  CaseNotice,
  CaseSchedule,
  DueDeadline,
  NoticeAnalysis,
  ReminderSettings,
} from './caseFile.js';
import type { AttachmentContent, AttachmentRecord, AttachmentUpload, InvoiceCheck } from './attachments.js';

export interface KbApi {
  // Library
  getLibraryInfo(): Promise<LibraryInfo>;
  listArticles(filter?: { category?: Category; lang?: Lang }): Promise<ArticleSummary[]>;
  getArticle(request: { id: string }): Promise<Article>;
  search(query: SearchQuery): Promise<SearchResult>;
  getContacts(): Promise<Contact[]>;
  getGlossary(): Promise<GlossaryTerm[]>;
  addUserFolder(request: { path: string }): Promise<LibraryInfo>;
  removeUserFolder(request: { path: string }): Promise<LibraryInfo>;
  // Reading progress
  getChecklistProgress(request: { articleId: string }): Promise<ChecklistProgress>;
  setChecklistStep(change: ChecklistStepChange): Promise<ChecklistProgress>;
  resetChecklist(request: { articleId: string }): Promise<ChecklistProgress>;
  // Notebook
  listCases(): Promise<CaseRecord[]>;
  getCase(request: { id: number }): Promise<CaseDetail>;
  createCase(input: CaseInput): Promise<CaseRecord>;
  updateCase(request: { id: number; changes: Partial<CaseInput> }): Promise<CaseRecord>;
  deleteCase(request: { id: number }): Promise<CaseRecord>;
  restoreCase(request: { id: number }): Promise<CaseRecord>;
  saveNote(input: NoteInput): Promise<NoteRecord>;
  deleteNote(request: { id: number }): Promise<NoteRecord>;
  restoreNote(request: { id: number }): Promise<NoteRecord>;
  listTrash(): Promise<TrashContents>;
  searchNotes(request: { text: string; limit?: number }): Promise<NoteHit[]>;
  listDue(request?: { withinDays?: number }): Promise<DueItem[]>;
  draftPlanOfAction(request: { caseId: number }): Promise<NoteRecord>;
  exportNotebook(request: ExportRequest): Promise<ExportFile[]>;
  importNotebook(request: { json: string }): Promise<ImportSummary>;
  backupNotebook(request?: { path?: string }): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  /** An encrypted backup opens with `passphrase`, or else with the open notebook's own. */
  restoreNotebook(request: { path: string; passphrase?: string }): Promise<BackupInfo>;
  /** The notebook, or with `path` a backup file (an encrypted one with `passphrase` or the notebook's own). */
  checkNotebook(request?: { path?: string; passphrase?: string }): Promise<NotebookStatus>;
  // Privacy: encryption of the notebook at rest
  getNotebookSecurity(): Promise<NotebookSecurity>;
  unlockNotebook(request: { passphrase: string }): Promise<NotebookSecurity>;
  /** Closes an unlocked encrypted notebook until its passphrase is given again (stepping away). */
  lockNotebook(): Promise<NotebookSecurity>;
  encryptNotebook(request: { passphrase: string }): Promise<SecurityChange>;
  changeNotebookPassphrase(request: { current: string; next: string }): Promise<SecurityChange>;
  decryptNotebook(request: { passphrase: string }): Promise<SecurityChange>;
  // Spelling: English words against the bundled dictionary (the desktop context menu, Plan-of-Action checks)
  checkSpelling(request: { word: string }): Promise<SpellingCheck>;
  // Case file that runs the clock (issue 16): notices, deadlines, reminders, calendar
  /** Reads an Amazon notice; saves nothing. Text that is no notice gets found: false and a message. */
  analyzeNotice(request: { text: string }): Promise<NoticeAnalysis>;
  /** A case filled from the notice, the notice kept with it; refuses (saving nothing) when no notice is found. */
  createCaseFromNotice(request: { text: string; title?: string }): Promise<CaseRecord>;
  getCaseNotice(request: { caseId: number }): Promise<CaseNotice | null>;
  listCaseDeadlines(request: { caseId: number }): Promise<CaseSchedule>;
  /** Dated deadlines of open cases due within `withinDays` (default 7), overdue ones (up to 30 days) first. */
  listDueDeadlines(request?: { withinDays?: number }): Promise<DueDeadline[]>;
  exportCaseCalendar(request: { caseId: number }): Promise<CalendarFile>;
  getReminderSettings(): Promise<ReminderSettings>;
  setReminderSettings(settings: ReminderSettings): Promise<ReminderSettings>;
  // Plan-of-Action builder (issue 17): guided questions, a checked draft, the appeals sent, note history
  getPoaForm(request: { caseId: number }): Promise<PoaForm>;
  answerPoaQuestion(request: PoaAnswerRequest): Promise<PoaForm>;
  /** The draft from the template and the answers; with `text`, that (edited) text checked instead. */
  buildPoaDraft(request: { caseId: number; text?: string }): Promise<PoaDraft>;
  /** "Mark as sent": keeps the exact text as the next Appeal #N and starts the follow-up clock. */
  submitAppeal(request: { caseId: number; text: string }): Promise<AppealLog>;
  listAppeals(request: { caseId: number }): Promise<AppealLog>;
  compareAppeals(request: { caseId: number; from: number; to: number }): Promise<DiffPart[]>;
  listNoteRevisions(request: { noteId: number }): Promise<{ note: NoteRecord; revisions: NoteRevision[] }>;
  compareNoteRevisions(request: { noteId: number; from: number; to: number }): Promise<DiffPart[]>;
  restoreNoteRevision(request: { noteId: number; revisionId: number }): Promise<NoteRecord>;
  // Note drafts (issue 13): kept in the notebook, so an encrypted notebook's drafts are encrypted too
  getNoteDraft(request: NoteDraftKey): Promise<NoteDraft | null>;
  saveNoteDraft(input: NoteDraftInput): Promise<NoteDraft>;
  discardNoteDraft(request: NoteDraftKey): Promise<null>;
  // Evidence vault (issue 18): files attached to a case, stored in the notebook, their text searchable
  /** Attaches a file (by absolute `path`, or `base64` bytes from a browser); PDF and text have their text at once, images after OCR. */
  addAttachment(upload: AttachmentUpload): Promise<AttachmentRecord>;
  listAttachments(request: { caseId: number }): Promise<AttachmentRecord[]>;
  /** An attachment with its bytes, base64. */
  getAttachment(request: { id: number }): Promise<AttachmentContent>;
  deleteAttachment(request: { id: number }): Promise<AttachmentRecord>;
  /** Stops OCR of an image (it stays attached, without text, until extractAttachmentText). */
  cancelAttachmentText(request: { id: number }): Promise<AttachmentRecord>;
  /** Runs OCR of an image again (after a cancel or a failure). */
  extractAttachmentText(request: { id: number; waitForText?: boolean }): Promise<AttachmentRecord>;
  /** Amazon's supplier-invoice checklist, read from the attachment's text. */
  checkAttachmentInvoice(request: { id: number }): Promise<InvoiceCheck>;
  /** Desktop only: opens a copy in the system's viewer (a decrypted copy in a private temporary folder, removed when the app quits). */
  openAttachmentExternally(request: { id: number }): Promise<{ path: string }>;
  // Preferences (issue 19): language, theme, zoom, bookmarks, recently read; in the data folder
  getPreferences(): Promise<Preferences>;
  /** Changes the named preferences only and returns them all. */
  setPreferences(changes: Partial<Preferences>): Promise<Preferences>;
}

export type KbMethod = keyof KbApi;

export const KB_METHODS = [
  'getLibraryInfo',
  'listArticles',
  'getArticle',
  'search',
  'getContacts',
  'getGlossary',
  'addUserFolder',
  'removeUserFolder',
  'getChecklistProgress',
  'setChecklistStep',
  'resetChecklist',
  'listCases',
  'getCase',
  'createCase',
  'updateCase',
  'deleteCase',
  'restoreCase',
  'saveNote',
  'deleteNote',
  'restoreNote',
  'listTrash',
  'searchNotes',
  'listDue',
  'draftPlanOfAction',
  'exportNotebook',
  'importNotebook',
  'backupNotebook',
  'listBackups',
  'restoreNotebook',
  'checkNotebook',
  'getNotebookSecurity',
  'unlockNotebook',
  'lockNotebook',
  'encryptNotebook',
  'changeNotebookPassphrase',
  'decryptNotebook',
  'checkSpelling',
  // Case file that runs the clock (issue 16)
  'analyzeNotice',
  'createCaseFromNotice',
  'getCaseNotice',
  'listCaseDeadlines',
  'listDueDeadlines',
  'exportCaseCalendar',
  'getReminderSettings',
  'setReminderSettings',
  // Plan-of-Action builder (issue 17)
  'getPoaForm',
  'answerPoaQuestion',
  'buildPoaDraft',
  'submitAppeal',
  'listAppeals',
  'compareAppeals',
  'listNoteRevisions',
  'compareNoteRevisions',
  'restoreNoteRevision',
  // Note drafts (issue 13)
  'getNoteDraft',
  'saveNoteDraft',
  'discardNoteDraft',
  // Evidence vault (issue 18)
  'addAttachment',
  'listAttachments',
  'getAttachment',
  'deleteAttachment',
  'cancelAttachmentText',
  'extractAttachmentText',
  'checkAttachmentInvoice',
  'openAttachmentExternally',
  // Preferences (issue 19)
  'getPreferences',
  'setPreferences',
] as const satisfies readonly KbMethod[];

/** Compile-time proof that KB_METHODS names every method of KbApi. */
type MissingMethods = Exclude<KbMethod, (typeof KB_METHODS)[number]>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

/** True when `name` is a method of the contract (for doors that receive names from outside). */
export function isKbMethod(name: string): name is KbMethod {
  return (KB_METHODS as readonly string[]).includes(name);
}

export type KbArgument<M extends KbMethod> = Parameters<KbApi[M]>[0];
export type KbResult<M extends KbMethod> = Awaited<ReturnType<KbApi[M]>>;

/**
 * A KbApi whose every method forwards to `call(method, argument)`: the one loop that the preload,
 * the HTTP client, the renderer's desktop wrapper and the deferred core all build on.
 */
export function apiFromCall(call: (method: KbMethod, argument: unknown) => Promise<unknown>): KbApi {
  const api: Record<string, (argument?: unknown) => Promise<unknown>> = {};
  for (const method of KB_METHODS) api[method] = (argument?: unknown) => call(method, argument);
  return api as unknown as KbApi;
}

/** The IPC channel of a method. */
export function ipcChannel(method: KbMethod): string {
  return `kb:${method}`;
}
