import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KbApi } from '../common/index.js';
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
import { caseFileHandlers, noticeAnalyzer } from './deadlines/caseFileHandlers.js';
import { attachmentTransfer } from './attachments/attachmentTransfer.js';
import { noticeTransfer } from './notices/caseNotices.js';
import { allTransfers } from './notes/caseTransfer.js';
import { appealTransfer } from './planOfAction/appealTransfer.js';
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
import { libraryHandlers } from './content/libraryHandlers.js';
import { checklistHandlers } from './content/checklistHandlers.js';
import { caseHandlers } from './notes/caseHandlers.js';
import { noteHandlers } from './notes/noteHandlers.js';
import { backupHandlers } from './notes/backupHandlers.js';
import { privacyHandlers } from './notes/privacyHandlers.js';

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
  // What a JSON export holds of a case besides its fields, notes and activity.
  const transfer = allTransfers([attachmentTransfer, noticeTransfer(noticeAnalyzer(library)), appealTransfer]);
  const files = new NotebookFiles(
    notebookPath,
    now,
    (db) => new Notebook(db, notebookPath, now, followUpFor),
    transfer,
  );
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
  const vault = createAttachmentVault({
    notebook,
    workerPath: textWorkerPath(options.appRoot),
    openFile: options.openFile ?? null,
  });
  const caseFile = caseFileHandlers({ notebook, library, rules: deadlineRules });
  const dueWatcher = startDueWatcher({
    listDue: () => caseFile.listDueDeadlines({ withinDays: 0 }),
    emit: (due) => events.emit('due', due),
  });
  void dueWatcher.check();
  // An unlock that opens a locked notebook: its folders load, and what fell due meanwhile is told.
  const unlocked = async () => {
    await notebookOpened();
    void dueWatcher.check();
  };

  return {
    notebookPath,
    events,
    ...libraryHandlers(library),
    ...folders.handlers(),
    ...checklistHandlers(library, notebook),
    ...caseHandlers(notebook),
    ...noteHandlers(notebook),
    ...backupHandlers(files),
    ...privacyHandlers(files, unlocked),
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
function loadLibrary(
  appRoot: string,
  prebuiltPath: string | null,
): { library: KnowledgeBase; cacheKey: string | null } {
  const prebuilt = prebuiltPath ? readPrebuiltLibrary(prebuiltPath) : null;
  if (prebuilt && !contentIsNewer(appRoot, prebuiltPath!)) {
    try {
      return { library: KnowledgeBase.open(prebuilt.library), cacheKey: prebuilt.digest };
    } catch {
      // A damaged index: content/ is still there to build it again.
    }
  }
  return {
    library: KnowledgeBase.open(prebuildLibrary(loadLibraryFromContent(appRoot, nodeSanitizer()))),
    cacheKey: null,
  };
}

/** True when a content file changed after the prebuilt library was written (development). */
function contentIsNewer(appRoot: string, prebuiltPath: string): boolean {
  const contentDir = join(appRoot, 'content');
  if (!existsSync(contentDir)) return false;
  const builtAt = statSync(prebuiltPath).mtimeMs;
  const dataFiles = ['glossary.json', 'contacts.json', 'synonyms.json']
    .map((name) => join(contentDir, name))
    .filter(existsSync);
  return [...listMarkdownFiles(join(contentDir, 'articles')), ...dataFiles].some(
    (file) => statSync(file).mtimeMs > builtAt,
  );
}
