import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article, ArticleSummary, Category, Contact, ContentProblem, GlossaryTerm, Lang, LibraryInfo, SearchQuery, SearchResult, UserFolder } from '../../common/index.js';
import { CATEGORIES, KbError } from '../../common/index.js';
import type { Sanitize } from '../../common/markdown/sanitize.js';
import { ArticleSearch, type SearchCatalog } from '../search/articleSearch.js';
import { validateQuery } from '../search/articleSearch.js';
import { searchContacts } from '../search/contactSearch.js';
import { buildGlossaryIndex, type GlossaryIndex } from '../search/glossaryIndex.js';
import { parseOperators, type ParsedQuery } from '../search/queryOperators.js';
import { requireDirectory } from '../files/fileKinds.js';
import { folderLoadSteps, problemMessage, type FileCache, type FolderLoad, type LoadedArticle } from './articleFiles.js';
import { runInSlices, type Steps } from '../timeSlices.js';
import type { CachedFolder, FolderCacheData } from './folderCache.js';
import { loadPrebuiltIndex, toSearchDocument, type PrebuiltLibrary } from './library.js';

const MAX_USER_FOLDERS = 20;

/** The articles, their search index, glossary and contacts, plus any user folders added at run time. */
export class KnowledgeBase implements SearchCatalog {
  private readonly articles = new Map<string, LoadedArticle>();
  private readonly folders = new Map<string, { ids: string[]; problems: ContentProblem[] }>();
  private readonly fileCaches = new Map<string, FileCache>();
  private readonly glossaryIndex: GlossaryIndex;
  /** The last load of each folder, so that loads of one folder run one after another. */
  private readonly loads = new Map<string, Promise<UserFolder>>();
  /** Counts changes to the user folders, so the start-up cache is written only when they changed. */
  private version = 0;

  private constructor(
    private readonly library: PrebuiltLibrary,
    private readonly search: ArticleSearch,
    private readonly sanitize: () => Sanitize,
  ) {
    for (const article of library.articles) this.articles.set(article.id, article);
    this.glossaryIndex = buildGlossaryIndex(library.glossary, library.searchForms ?? []);
  }

  /** Opens a prebuilt library: the index is loaded, not rebuilt. `sanitize` is only needed for user folders. */
  static open(library: PrebuiltLibrary, sanitize: () => Sanitize): KnowledgeBase {
    return new KnowledgeBase(library, loadPrebuiltIndex(library), sanitize);
  }

  summaryOf(id: string): ArticleSummary | undefined {
    const article = this.articles.get(id);
    return article && toSummary(article);
  }

  plainTextOf(id: string): string {
    return this.articles.get(id)?.plainText ?? '';
  }

  info(): LibraryInfo {
    const counts = new Map<Category, number>();
    // What a reader in each language sees: one article per twin pair, as the category page lists them.
    const shown = new Map<Category, { zh: number; en: number }>();
    for (const article of this.articles.values()) {
      counts.set(article.category, (counts.get(article.category) ?? 0) + 1);
      const perLang = shown.get(article.category) ?? { zh: 0, en: 0 };
      const untwinned = !article.translation || !this.articles.has(article.translation);
      for (const lang of ['zh', 'en'] as const) if (article.lang === lang || untwinned) perLang[lang] += 1;
      shown.set(article.category, perLang);
    }
    return {
      articleCount: this.articles.size,
      categories: CATEGORIES.filter((category) => counts.has(category)).map((category) => ({ category, count: counts.get(category)!, byLang: shown.get(category)! })),
      problems: this.library.problems,
      userFolders: this.userFolders(),
    };
  }

  list(filter: { category?: Category; lang?: Lang } = {}): ArticleSummary[] {
    return [...this.articles.values()]
      .filter((article) => (!filter.category || article.category === filter.category) && (!filter.lang || article.lang === filter.lang))
      .map(toSummary);
  }

  /** One whole article; the plain-text copy used for snippets stays inside the core. (libraryHandlers checked that `id` is text.) */
  get(id: string): Article {
    const article = this.articles.get(id);
    if (!article) throw new KbError('NOT_FOUND', `Library: article "${id}" not found`, { what: 'article', name: id });
    const { plainText: _plainText, ...rest } = article;
    return rest;
  }

  /** Articles and contacts for a query (notes are the notebook's: see searchHandlers). */
  find(query: SearchQuery, parsed: ParsedQuery = parseOperators(validateQuery(query))): Omit<SearchResult, 'notes'> {
    const result = this.search.run(query, this.glossaryIndex, this, parsed);
    const contacts = parsed.scope === 'all' && parsed.text ? searchContacts(this.library.contacts, parsed.text, this.glossaryIndex) : [];
    return { ...result, contacts };
  }

  contacts(): Contact[] {
    return this.library.contacts;
  }

  glossary(): GlossaryTerm[] {
    return this.library.glossary;
  }

  /**
   * Loads (or reloads) a user folder: only changed files are read again; removed files leave the
   * index. The work runs in time slices, so other calls are answered meanwhile; the library changes
   * at the end, all at once. Loads of one folder run one after another.
   */
  loadFolder(path: string): Promise<UserFolder> {
    const folder = resolve(path);
    const load = (this.loads.get(folder) ?? Promise.resolve()).catch(() => undefined).then(() => this.loadFolderNow(folder));
    this.loads.set(folder, load);
    return load;
  }

  private async loadFolderNow(folder: string): Promise<UserFolder> {
    if (!existsSync(folder)) throw new KbError('NOT_FOUND', `Library: folder ${folder} not found`, { what: 'folder', name: folder });
    requireDirectory(folder, 'Library');
    if (!this.folders.has(folder) && this.folders.size >= MAX_USER_FOLDERS) throw new KbError('INVALID_INPUT', `Library: at most ${MAX_USER_FOLDERS} folders can be added`);
    // A copy, so that a snapshot taken while this load runs still matches the index.
    const cache: FileCache = new Map(this.fileCaches.get(folder) ?? []);
    let loaded: FolderLoad;
    try {
      loaded = await runInSlices(folderLoadSteps(folder, this.sanitize(), { displayRoot: folder, userFolder: folder }, cache));
    } catch (error) {
      if (error instanceof KbError) throw error;
      throw new KbError('INVALID_INPUT', `Library: folder ${folder} ${problemMessage(error)}`);
    }
    const fresh = loaded.articles.filter((article) => {
      const existing = this.articles.get(article.id);
      if (existing && existing.folder !== folder) {
        loaded.problems.push({ path: article.path, message: `id "${article.id}" is already used by ${existing.path}` });
        return false;
      }
      return true;
    });
    const changed = fresh.filter((article) => this.articles.get(article.id) !== article);
    const applyToIndex = await runInSlices(this.search.prepareUpsert(changed.map(toSearchDocument)));
    // From here on nothing waits: the index and the library change together.
    const freshIds = new Set(fresh.map((article) => article.id));
    const gone = (this.folders.get(folder)?.ids ?? []).filter((id) => !freshIds.has(id));
    applyToIndex();
    this.search.remove(gone);
    for (const id of gone) this.articles.delete(id);
    for (const article of changed) this.articles.set(article.id, article);
    if (gone.length > 0 || changed.length > 0 || !this.folders.has(folder)) this.version++;
    this.fileCaches.set(folder, cache);
    this.folders.set(folder, { ids: [...freshIds], problems: loaded.problems });
    return { path: folder, articleCount: fresh.length, problems: loaded.problems };
  }

  get foldersVersion(): number {
    return this.version;
  }

  /**
   * The loaded user folders with each file's outcome and their search index, for the start-up cache,
   * as steps (see timeSlices): everything is as it was at the first step.
   */
  *folderSnapshotSteps(key: string): Steps<FolderCacheData> {
    const ids = new Set<string>();
    const folders = [...this.folders].map(([path, entry]): CachedFolder => {
      for (const id of entry.ids) ids.add(id);
      const files = [...(this.fileCaches.get(path) ?? [])].map(([file, { mtimeMs, size, outcome }]): CachedFolder['files'][number] => [file, mtimeMs, size, outcome]);
      return { path, files, ids: entry.ids, problems: entry.problems };
    });
    const index = yield* this.search.serializeSteps((id) => ids.has(id));
    return { key, folders, index };
  }

  /**
   * Takes back the folders in `paths` as a cache saw them, before loadFolder checks each file again:
   * unchanged files keep their article and index entry, so only what changed is read and indexed.
   */
  restoreFolders(cache: FolderCacheData, paths: string[]): void {
    const restored = new Map<string, LoadedArticle>();
    const plans = cache.folders
      .filter((entry) => paths.includes(entry.path) && !this.folders.has(entry.path))
      .map((folder) => {
        const fileCache: FileCache = new Map();
        const byId = new Map<string, LoadedArticle>();
        for (const [file, mtimeMs, size, outcome] of folder.files) {
          fileCache.set(file, { mtimeMs, size, outcome });
          if (typeof outcome !== 'string') byId.set(outcome.id, outcome);
        }
        const ids = folder.ids.filter((id) => byId.has(id) && !this.articles.has(id) && !restored.has(id));
        for (const id of ids) restored.set(id, byId.get(id)!);
        return { folder, fileCache, ids };
      });
    if (restored.size === 0) return;
    // The index first: a damaged one throws here, before the library has changed.
    this.search.addSerialized(cache.index, (id) => restored.has(id));
    for (const [id, article] of restored) this.articles.set(id, article);
    for (const { folder, fileCache, ids } of plans) {
      this.fileCaches.set(folder.path, fileCache);
      this.folders.set(folder.path, { ids, problems: folder.problems });
    }
  }

  /** Takes a user folder's articles out of the library and the index, once a load under way ends. */
  async unloadFolder(path: string): Promise<void> {
    const folder = resolve(path);
    await this.loads.get(folder)?.catch(() => undefined);
    this.loads.delete(folder);
    const entry = this.folders.get(folder);
    if (!entry) return;
    this.search.remove(entry.ids);
    for (const id of entry.ids) this.articles.delete(id);
    this.folders.delete(folder);
    this.version++;
    this.fileCaches.delete(folder);
  }

  userFolders(): UserFolder[] {
    return [...this.folders.entries()].map(([path, entry]) => ({ path, articleCount: entry.ids.length, problems: entry.problems }));
  }
}

function toSummary(article: LoadedArticle): ArticleSummary {
  const { id, title, lang, category, tags, summary, updated, asOf, marketplaces, translation, path, folder } = article;
  return { id, title, lang, category, tags, summary, updated, asOf, marketplaces, translation, path, folder };
}
