import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KbApi } from '../common/index.js';
import { KbError } from '../common/index.js';
import { listMarkdownFiles } from './content/folderListing.js';
import { KnowledgeBase } from './content/knowledgeBase.js';
import { FOLDER_CACHE_FILE } from './content/folderCache.js';
import { FolderLoader, type WorkerScripts } from './content/folderLoader.js';
import { UserFolders } from './content/userFolders.js';
import { loadLibraryFromContent, prebuildLibrary, readPrebuiltLibrary } from './content/library.js';
import { nodeSanitizer } from './content/nodeSanitizer.js';
import { Notebook } from './notes/notebook.js';
import { NotebookFiles } from './notes/notebookFiles.js';
import { spellingHandlers } from './spelling/spellingHandlers.js';
import { caseFileHandlers } from './deadlines/caseFileHandlers.js';
import { loadDeadlineRules } from './deadlines/deadlineRules.js';
import { followUpFromRules } from './notes/followUpRules.js';
import { noteHistoryHandlers } from './notes/historyHandlers.js';
import { planOfActionHandlers } from './planOfAction/poaHandlers.js';
import { searchHandlers } from './search/searchHandlers.js';
import { noteDraftHandlers } from './notes/noteDrafts.js';
import { createAttachmentVault } from './attachments/attachmentHandlers.js';
import { textWorkerPath } from './attachments/textJobs.js';
import { preferencesHandlers } from './preferences/preferencesHandlers.js';
import { CoreEvents, type CoreEventSource } from './events/coreEvents.js';
import { startDueWatcher } from './events/dueWatcher.js';

export interface CoreOptions {
  /** The folder holding content/ (the repository root, or the packaged app's root). */
  appRoot: string;
  /** Where the notebook lives (Electron's userData, or --data). */
  dataDir: string;
  /** The library built at build time; absent or stale, the core builds it from content/. */
  prebuiltPath?: string | null;
  /** Make the daily automatic backup on open (off in tests). */
  autoBackup?: boolean;
  /** Unlocks an encrypted notebook at once (the CLI's SELLER_KB_PASSPHRASE); otherwise it starts locked. */
  passphrase?: string | null;
  now?: () => Date;
  /** Opens a file in the system's viewer (the desktop app passes shell.openPath); absent, attachments open only in the app. */
  openFile?: (path: string) => Promise<void>;
  /** Which scripts worker threads run (default: the source in a development checkout, else the build's bundles). */
  workerScripts?: WorkerScripts;
}

/** The core: every KbApi operation, plus close(). */
export interface Core extends KbApi {
  close(): void;
  /** The contract's push events (libraryChanged, due), for the doors to forward. */
  readonly events: CoreEventSource;
  readonly notebookPath: string;
}

export const NOTEBOOK_FILE = 'notebook.db';

/**
 * Opens the library and the notebook and returns the one implementation of the contract.
 *
 * @example const core = await createCore({ appRoot: '.', dataDir: '/tmp/kb' }); await core.search({ text: '移除订单' });
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const { library, cacheKey } = loadLibrary(options.appRoot, options.prebuiltPath ?? null);
  const notebookPath = join(options.dataDir, NOTEBOOK_FILE);
  const deadlineRules = loadDeadlineRules(options.appRoot);
  const followUpFor = followUpFromRules(deadlineRules);
  const files = new NotebookFiles(notebookPath, now, (db) => new Notebook(db, notebookPath, now, followUpFor));
  await files.open(options.passphrase ?? null);
  const notebook = () => files.notebook();
  const events = new CoreEvents();
  const loader = new FolderLoader(options.appRoot, options.workerScripts);
  const folders = new UserFolders({
    library,
    notebook,
    loader,
    cachePath: join(options.dataDir, FOLDER_CACHE_FILE),
    cacheKey,
    onChanged: () => events.emit('libraryChanged', library.info()),
  });
  // The user's folders are a setting in the notebook, so a locked notebook loads them when unlocked.
  const notebookOpened = async () => {
    if (options.autoBackup) await files.autoBackup();
    await folders.restore();
  };
  if (files.isOpen()) await notebookOpened();
  const vault = createAttachmentVault({ notebook, workerPath: textWorkerPath(options.appRoot), openFile: options.openFile ?? null });
  const checklistNames = (articleId: string) => library.get(articleId).checklists.map((checklist) => checklist.name);
  const caseFile = caseFileHandlers({ notebook, library, rules: deadlineRules });
  const dueWatcher = startDueWatcher({ listDue: () => caseFile.listDueDeadlines({ withinDays: 0 }), emit: (due) => events.emit('due', due) });
  void dueWatcher.check();

  return {
    notebookPath,
    events,
    getLibraryInfo: async () => library.info(),
    listArticles: async (filter) => library.list(filter ?? {}),
    getArticle: async (request) => library.get(request?.id),
    getContacts: async () => library.contacts(),
    getGlossary: async () => library.glossary(),
    ...folders.handlers(),
    // Progress is kept per checklist name, which both language twins share.
    getChecklistProgress: async (request) => {
      const articleId = requireText(request?.articleId, 'articleId');
      return notebook().getChecklistProgress(articleId, checklistNames(articleId));
    },
    setChecklistStep: async (change) => {
      const valid = validateStepChange(change);
      const names = checklistNames(valid.articleId);
      // Names come from the caller: only the article's own checklists may be ticked ("constructor" is a name like any other).
      if (!names.includes(valid.checklist)) throw new KbError('INVALID_INPUT', `Checklists: article "${valid.articleId}" has no checklist "${valid.checklist}"`);
      return notebook().setChecklistStep(valid, names);
    },
    resetChecklist: async (request) => {
      const articleId = requireText(request?.articleId, 'articleId');
      return notebook().resetChecklist(articleId, checklistNames(articleId));
    },
    listCases: async () => notebook().listCases(),
    getCase: async (request) => notebook().getCase(request?.id),
    createCase: async (input) => notebook().createCase(input),
    updateCase: async (request) => notebook().updateCase(request?.id, request?.changes),
    deleteCase: async (request) => notebook().deleteCase(request?.id),
    restoreCase: async (request) => notebook().restoreCase(request?.id),
    saveNote: async (input) => notebook().saveNote(input),
    deleteNote: async (request) => notebook().deleteNote(request?.id),
    restoreNote: async (request) => notebook().restoreNote(request?.id),
    listTrash: async () => notebook().listTrash(),
    searchNotes: async (request) => notebook().searchNotes(request?.text, request?.limit),
    listDue: async (request) => notebook().listDue(request?.withinDays),
    exportNotebook: async (request) => files.export(request),
    importNotebook: async (request) => files.import(request?.json),
    backupNotebook: async (request) => files.backup(request?.path),
    listBackups: async () => files.listBackups(),
    restoreNotebook: async (request) => files.restore(requireText(request?.path, 'path'), request?.passphrase),
    checkNotebook: async (request) => files.check(request ?? undefined),
    getNotebookSecurity: async () => files.security(),
    unlockNotebook: async (request) => {
      const wasOpen = files.isOpen();
      const security = await files.unlock(request?.passphrase);
      if (!wasOpen) await notebookOpened();
      void dueWatcher.check();
      return security;
    },
    lockNotebook: async () => files.lock(),
    encryptNotebook: async (request) => files.encrypt(request?.passphrase),
    changeNotebookPassphrase: async (request) => files.changePassphrase(request?.current, request?.next),
    decryptNotebook: async (request) => files.decrypt(request?.passphrase),
    ...caseFile,
    ...spellingHandlers(),
    ...planOfActionHandlers({ appRoot: options.appRoot, notebook, library }),
    ...noteHistoryHandlers(notebook),
    ...searchHandlers(library, () => (files.isOpen() ? notebook() : null)),
    ...noteDraftHandlers(notebook),
    ...vault.api,
    ...preferencesHandlers(options.dataDir),
    close: () => {
      dueWatcher.stop();
      events.clear();
      vault.close();
      folders.close();
      void loader.close();
      files.close();
    },
  };
}

/**
 * The prebuilt library when it is as new as content/, otherwise one built now from content/; with
 * the prebuilt one, a key naming it (what the user-folder cache must have been made with).
 */
function loadLibrary(appRoot: string, prebuiltPath: string | null): { library: KnowledgeBase; cacheKey: string | null } {
  const prebuilt = prebuiltPath ? readPrebuiltLibrary(prebuiltPath) : null;
  if (prebuilt && !contentIsNewer(appRoot, prebuiltPath!)) {
    try {
      return { library: KnowledgeBase.open(prebuilt.library), cacheKey: prebuilt.digest };
    } catch {
      // A damaged index: content/ is still there to build it again.
    }
  }
  return { library: KnowledgeBase.open(prebuildLibrary(loadLibraryFromContent(appRoot, nodeSanitizer()))), cacheKey: null };
}

/** True when a content file changed after the prebuilt library was written (development). */
function contentIsNewer(appRoot: string, prebuiltPath: string): boolean {
  const contentDir = join(appRoot, 'content');
  if (!existsSync(contentDir)) return false;
  const builtAt = statSync(prebuiltPath).mtimeMs;
  const dataFiles = ['glossary.json', 'contacts.json', 'synonyms.json'].map((name) => join(contentDir, name)).filter(existsSync);
  return [...listMarkdownFiles(join(contentDir, 'articles')), ...dataFiles].some((file) => statSync(file).mtimeMs > builtAt);
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new KbError('INVALID_INPUT', `"${name}" must be non-empty text`);
  return value;
}

function validateStepChange(change: unknown): { articleId: string; checklist: string; step: number; done: boolean } {
  const fields = (change ?? {}) as Record<string, unknown>;
  const step = fields.step;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > 1000) throw new KbError('INVALID_INPUT', '"step" must be a whole number from 0 to 1000');
  if (typeof fields.done !== 'boolean') throw new KbError('INVALID_INPUT', '"done" must be true or false');
  return { articleId: requireText(fields.articleId, 'articleId'), checklist: requireText(fields.checklist, 'checklist'), step, done: fields.done };
}
