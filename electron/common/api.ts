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
import type { Preferences } from './preferences.js';
import type { SearchQuery, SearchResult } from './search.js';

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
