import type { Article, ArticleSummary, Category, Contact, GlossaryTerm, Lang, LibraryInfo, SearchQuery, SearchResult, UserFolder } from '../../common/index.js';
import { CATEGORIES, KbError } from '../../common/index.js';
import { ArticleSearch, type SearchCatalog, type StoredSegment } from '../search/articleSearch.js';
import { validateQuery } from '../search/articleSearch.js';
import { searchContacts } from '../search/contactSearch.js';
import { buildGlossaryIndex, type GlossaryIndex } from '../search/glossaryIndex.js';
import { parseOperators, type ParsedQuery } from '../search/queryOperators.js';
import type { LoadedArticle } from './articleFiles.js';
import type { Segment } from '../search/segment.js';
import { loadPrebuiltIndex, type PrebuiltLibrary } from './library.js';

/** The articles, their search index, glossary and contacts, plus any user folders added at run time. */
export class KnowledgeBase implements SearchCatalog {
  private readonly articles = new Map<string, LoadedArticle>();
  private readonly glossaryIndex: GlossaryIndex;
  private folderList: () => UserFolder[] = () => [];

  private constructor(
    private readonly library: PrebuiltLibrary,
    private readonly search: ArticleSearch,
  ) {
    for (const article of library.articles) this.articles.set(article.id, article);
    this.glossaryIndex = buildGlossaryIndex(library.glossary, library.searchForms ?? []);
  }

  /** Opens a prebuilt library: the index is loaded, not rebuilt. */
  static open(library: PrebuiltLibrary): KnowledgeBase {
    return new KnowledgeBase(library, loadPrebuiltIndex(library));
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

  /** The article under `id` now (to tell whether a folder's copy is new, or whose id it is). */
  article(id: string): LoadedArticle | undefined {
    return this.articles.get(id);
  }

  /**
   * Changes the library and its index in one step (a user folder loaded, reloaded or removed):
   * `segments` index `added`, built elsewhere; `removed` ids leave. A search sees it before or after.
   */
  applyChange(change: { added: LoadedArticle[]; segments: Segment[]; removed: string[] }): void {
    this.search.addSegments(change.segments);
    this.search.remove(change.removed);
    for (const id of change.removed) this.articles.delete(id);
    for (const article of change.added) this.articles.set(article.id, article);
  }

  /** Adds the articles of stored index segments (the start-up cache) that are not in the library yet; a damaged index throws before anything changes. */
  restoreArticles(segments: StoredSegment[], articles: Map<string, LoadedArticle>): void {
    const restored = new Map([...articles].filter(([id]) => !this.articles.has(id)));
    if (restored.size === 0) return;
    this.search.addSerialized(segments, (id) => restored.has(id));
    for (const [id, article] of restored) this.articles.set(id, article);
  }

  /** The index, for the folder owner's background work (compaction, the start-up cache). */
  get index(): ArticleSearch {
    return this.search;
  }

  /** The user folders listed in info(); their owner (UserFolders) provides them. */
  listFoldersWith(list: () => UserFolder[]): void {
    this.folderList = list;
  }

  userFolders(): UserFolder[] {
    return this.folderList();
  }
}

function toSummary(article: LoadedArticle): ArticleSummary {
  const { id, title, lang, category, tags, summary, updated, asOf, marketplaces, translation, path, folder } = article;
  return { id, title, lang, category, tags, summary, updated, asOf, marketplaces, translation, path, folder };
}
