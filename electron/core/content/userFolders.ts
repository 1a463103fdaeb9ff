import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ContentProblem, KbApi, UserFolder } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { requireDirectory } from '../files/fileKinds.js';
import type { Notebook } from '../notes/notebook.js';
import type { StoredSegment } from '../search/articleSearch.js';
import type { Segment } from '../search/segment.js';
import { assembleFolder, displayPathOf, listFolderAsync, problemMessage, type FileOutcome, type LoadedArticle } from './articleFiles.js';
import { stampFiles, type FileStamp } from './folderListing.js';
import { readFolderCache, writeFolderCache, writeFolderCacheAsync, type FolderCacheData } from './folderCache.js';
import { FolderLoader } from './folderLoader.js';
import { FolderWatcher } from './folderWatcher.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { toSearchDocument } from './library.js';
import { argumentFields, requireText } from '../validation.js';

const MAX_USER_FOLDERS = 20;
const LIBRARY = 'Library: ';
const SAVED_FOLDERS_SETTING = 'userFolders';
/** Compactions in a row at most after one change: each shrinks the plan, this only bounds a surprise. */
const MAX_COMPACTIONS = 20;

/** What a folder load remembers of each file, so a reload reads only files that changed. */
type FileCache = Map<string, { mtimeMs: number; size: number; outcome: FileOutcome; entry: string }>;

/** The one spelling of a folder's path: absolute, no trailing separator ("dir/" and "./dir" are "dir"). */
export function normalizeFolderPath(path: string): string {
  return resolve(path);
}

export interface UserFolderOptions {
  library: KnowledgeBase;
  /** The notebook, where the list of folders is saved; throws while it is locked. */
  notebook: () => Notebook;
  loader: FolderLoader;
  /** The start-up cache file, and the key of the library build it must have been made with (null: no cache). */
  cachePath: string;
  cacheKey: string | null;
  /** Called after the folders changed: added, removed, or reloaded because their files changed. */
  onChanged?: () => void;
}

/**
 * The one owner of the user's own folders: the saved list (a notebook setting), path spelling,
 * loading and unloading (through the worker threads of FolderLoader), watching for changes, the
 * start-up cache, and tidying the index afterwards. Loads run one after another.
 */
export class UserFolders {
  private readonly folders = new Map<string, { ids: string[]; problems: ContentProblem[] }>();
  private readonly fileCaches = new Map<string, FileCache>();
  private readonly watcher: FolderWatcher;
  /** The last change queued: loads and unloads run one after another, in the order asked. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Counts changes, so the cache is written only when the folders changed. */
  private version = 0;
  private savedVersion = -1;
  private restored = false;
  private compacting = false;
  private closed = false;

  constructor(private readonly options: UserFolderOptions) {
    this.watcher = new FolderWatcher((folder) => {
      this.load(folder)
        .then(() => options.onChanged?.())
        .catch(() => {
          // The folder went away while watched; it stays listed and loads again at the next start.
        });
    });
    options.library.listFoldersWith(() => this.list());
  }

  list(): UserFolder[] {
    return [...this.folders].map(([path, entry]) => ({ path, articleCount: entry.ids.length, problems: entry.problems }));
  }

  /** The contract's two folder calls. */
  handlers(): Pick<KbApi, 'addUserFolder' | 'removeUserFolder'> {
    return {
      addUserFolder: async (request) => {
        this.options.notebook(); // The list is saved in the notebook: a locked one refuses before anything loads.
        const folder = await this.load(folderPathOf(request));
        this.saveList((saved) => [...saved.filter((path) => path !== folder.path), folder.path]);
        // The folder is searchable now; the cache is written behind, in the queue (a cache is only a cache).
        void this.enqueue(() => this.saveCache());
        this.options.onChanged?.();
        return this.options.library.info();
      },
      removeUserFolder: async (request) => {
        const path = folderPathOf(request);
        if (!this.savedList().includes(path) && !this.folders.has(path)) {
          throw new KbError('NOT_FOUND', `Library: folder ${path} is not one of your folders (it was never added, or was removed already)`);
        }
        // Unwatched first, so no change noticed meanwhile loads the folder again.
        this.watcher.unwatch(path);
        await this.enqueue(async () => this.unloadNow(path));
        this.saveList((saved) => saved.filter((folder) => folder !== path));
        this.options.onChanged?.();
        return this.options.library.info();
      },
    };
  }

  /**
   * Once the notebook is open: takes back what the cache holds of the saved folders, then loads each
   * (only files changed since are read). A folder that is missing stays saved and loads when back.
   */
  async restore(): Promise<void> {
    const saved = this.savedList();
    this.restoreFromCache(saved);
    this.restored = true;
    for (const folder of saved) {
      try {
        await this.load(folder);
      } catch {
        // Moved or unplugged: it stays in the list and loads again when it is back.
      }
    }
    if (saved.length > 0) this.options.onChanged?.();
  }

  /** Writes the cache if the folders changed (at close, so at once), and ends the watchers. */
  close(): void {
    this.closed = true;
    this.watcher.close();
    if (!this.cacheDue()) return;
    try {
      if (this.folders.size === 0) rmSync(this.options.cachePath, { force: true });
      else {
        const ids = this.folderIds();
        writeFolderCache(this.options.cachePath, this.cacheData(this.options.library.index.stored((id) => ids.has(id))));
      }
    } catch {
      // Best effort: without a cache the next start reads the folders' files again.
    }
  }

  private savedList(): string[] {
    return this.options.notebook().getSetting<string[]>(SAVED_FOLDERS_SETTING, []).map(normalizeFolderPath);
  }

  private saveList(change: (saved: string[]) => string[]): void {
    this.options.notebook().setSetting(SAVED_FOLDERS_SETTING, change(this.savedList()));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(work);
    this.queue = next;
    return next;
  }

  /** Loads (or reloads) a folder: only changed files are read again; removed files leave the index. */
  private load(folder: string): Promise<UserFolder> {
    return this.enqueue(() => this.loadNow(folder));
  }

  private async loadNow(folder: string): Promise<UserFolder> {
    if (!existsSync(folder)) throw new KbError('NOT_FOUND', `Library: folder ${folder} not found`, { what: 'folder', name: folder });
    requireDirectory(folder, 'Library ("path")');
    if (!this.folders.has(folder) && this.folders.size >= MAX_USER_FOLDERS) throw new KbError('INVALID_INPUT', `Library: at most ${MAX_USER_FOLDERS} folders can be added`);
    const { loader, library } = this.options;
    let listed: { files: FileStamp[]; problems: ContentProblem[]; directories: string[] };
    try {
      const { files, problems, directories } = await listFolderAsync(folder);
      listed = { files: await stampFiles(files), problems, directories };
    } catch (error) {
      throw new KbError('INVALID_INPUT', `Library: folder ${folder} ${problemMessage(error)}`);
    }
    // A copy, so that the cache written meanwhile still matches the index.
    const cache: FileCache = new Map(this.fileCaches.get(folder) ?? []);
    const present = new Set(listed.files.map(({ file }) => file));
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
    const unchanged = ({ file, mtimeMs, size }: FileStamp) => {
      const cached = cache.get(file);
      return mtimeMs >= 0 && cached?.mtimeMs === mtimeMs && cached.size === size;
    };
    // Each read job's segment indexes the first article of each id among its files.
    const chunks: { segment: Segment; articles: Map<string, LoadedArticle> }[] = [];
    await loader.read(
      folder,
      listed.files.filter((stamp) => !unchanged(stamp)).map(({ file }) => file),
      (files, segment) => {
        const articles = new Map<string, LoadedArticle>();
        for (const read of files) {
          const outcome = (JSON.parse(read.entry) as [string, number, number, FileOutcome])[3];
          cache.set(read.file, { mtimeMs: read.mtimeMs, size: read.size, outcome, entry: read.entry });
          if (typeof outcome !== 'string' && !articles.has(outcome.id)) articles.set(outcome.id, outcome);
        }
        if (segment) chunks.push({ segment, articles });
      },
    );
    const loaded = assembleFolder(
      listed.files.map(({ file }) => ({ displayPath: displayPathOf(folder, file), outcome: cache.get(file)!.outcome })),
      listed.problems,
    );
    const fresh = loaded.articles.filter((article) => {
      const existing = library.article(article.id);
      if (existing && existing.folder !== folder) {
        loaded.problems.push({ path: article.path, message: `id "${article.id}" is already used by ${existing.path}` });
        return false;
      }
      return true;
    });
    // An unchanged file keeps its article object: only new or changed ones are indexed again.
    const changed = fresh.filter((article) => library.article(article.id) !== article);
    const segments = await this.segmentsFor(new Set(changed), chunks);
    // From here on nothing waits: the index and the library change together.
    const freshIds = new Set(fresh.map((article) => article.id));
    const gone = (this.folders.get(folder)?.ids ?? []).filter((id) => !freshIds.has(id));
    library.applyChange({ added: changed, segments, removed: gone });
    if (gone.length > 0 || changed.length > 0 || !this.folders.has(folder)) this.version++;
    this.fileCaches.set(folder, cache);
    this.folders.set(folder, { ids: [...freshIds], problems: loaded.problems });
    // Watched as listed now: subfolders added since are watched, removed ones let go.
    this.watcher.watch(folder, listed.directories);
    void this.compact();
    return { path: folder, articleCount: fresh.length, problems: loaded.problems };
  }

  /**
   * The index segments for `changed`: the read jobs' own, with every copy the folder did not keep
   * (a later file of the same id, an id another folder holds) marked dead; and, for the few changed
   * articles no job read now (one freed by another folder's removal), segments built for them.
   */
  private async segmentsFor(changed: Set<LoadedArticle>, chunks: { segment: Segment; articles: Map<string, LoadedArticle> }[]): Promise<Segment[]> {
    const covered = new Set<LoadedArticle>();
    for (const { segment, articles } of chunks) {
      for (let doc = 0; doc < segment.docCount; doc++) {
        const article = articles.get(segment.ids[doc]!);
        if (article && changed.has(article)) covered.add(article);
        else segment.markDead(doc);
      }
    }
    const rest = [...changed].filter((article) => !covered.has(article));
    return [...chunks.map(({ segment }) => segment).filter((segment) => segment.liveCount > 0), ...(await this.options.loader.index(rest.map(toSearchDocument)))];
  }

  private async unloadNow(folder: string): Promise<void> {
    // Again here: a reload queued before the removal may have watched it anew.
    this.watcher.unwatch(folder);
    const entry = this.folders.get(folder);
    if (!entry) return;
    this.options.library.applyChange({ added: [], segments: [], removed: entry.ids });
    this.folders.delete(folder);
    this.fileCaches.delete(folder);
    this.version++;
    void this.compact();
  }

  /** Rewrites index segments that changes left mostly dead or too many, in a worker thread, one plan at a time. */
  private async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    const index = this.options.library.index;
    try {
      for (let round = 0, plan = index.compactionPlan(); plan && round < MAX_COMPACTIONS; round++, plan = index.compactionPlan()) {
        const merged = await this.options.loader.merge(plan.map((segment) => ({ parts: segment.parts(), alive: segment.alive.slice() })));
        index.replaceSegments(plan, merged);
      }
    } catch {
      // The index stays correct as it is, only less tidy: the next change tries again.
    } finally {
      this.compacting = false;
    }
  }

  /** Every article id the folders hold. */
  private folderIds(): Set<string> {
    return new Set([...this.folders.values()].flatMap((entry) => entry.ids));
  }

  private cacheDue(): boolean {
    // Before the folders were restored (a locked notebook) none are loaded: the cache stays as it is.
    return this.options.cacheKey !== null && this.restored && this.version !== this.savedVersion;
  }

  private cacheData(segments: StoredSegment[]): FolderCacheData {
    const folders = [...this.folders].map(([path, entry]) => ({ path, ids: entry.ids, problems: entry.problems, entries: [...(this.fileCaches.get(path)?.values() ?? [])].map(({ entry: line }) => line) }));
    return { key: this.options.cacheKey!, folders, segments };
  }

  /** Writes the cache after a folder was added, in batches, so that other calls go on meanwhile. */
  private async saveCache(): Promise<void> {
    if (!this.cacheDue()) return;
    const version = this.version;
    try {
      const ids = this.folderIds();
      // The entries and the index taken together, so they describe the same moment.
      const data = this.cacheData(this.options.library.index.stored((id) => ids.has(id)));
      // Closed meanwhile: close() wrote the cache as it is now, which this older copy must not replace.
      if (await writeFolderCacheAsync(this.options.cachePath, data, () => !this.closed)) this.savedVersion = version;
    } catch {
      // As in close().
    }
  }

  /** Takes back the saved folders as the cache saw them: unchanged files keep their article and index entry. */
  private restoreFromCache(saved: string[]): void {
    const { cacheKey, cachePath, library } = this.options;
    const data = cacheKey ? readFolderCache(cachePath, cacheKey) : null;
    if (!data) return;
    try {
      const restored = new Map<string, LoadedArticle>();
      const plans = data.folders
        .filter((folder) => saved.includes(folder.path) && !this.folders.has(folder.path))
        .map((folder) => {
          const fileCache: FileCache = new Map();
          const byId = new Map<string, LoadedArticle>();
          for (const entry of folder.entries) {
            const [file, mtimeMs, size, outcome] = JSON.parse(entry) as [string, number, number, FileOutcome];
            fileCache.set(file, { mtimeMs, size, outcome, entry });
            if (typeof outcome !== 'string') byId.set(outcome.id, outcome);
          }
          const ids = folder.ids.filter((id) => byId.has(id) && !library.article(id) && !restored.has(id));
          for (const id of ids) restored.set(id, byId.get(id)!);
          return { folder, fileCache, ids };
        });
      // The index first: a damaged one throws here, before anything changed.
      library.restoreArticles(data.segments, restored);
      for (const { folder, fileCache, ids } of plans) {
        this.fileCaches.set(folder.path, fileCache);
        this.folders.set(folder.path, { ids, problems: folder.problems });
      }
      this.savedVersion = this.version;
    } catch {
      // A damaged cache: the folders load from their files instead.
    }
  }
}

/** The folder a request names, checked once where it enters, in the one spelling. */
function folderPathOf(request: unknown): string {
  return normalizeFolderPath(requireText(argumentFields(request, LIBRARY, ['path']).path, 'path', LIBRARY));
}
