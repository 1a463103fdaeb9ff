import { useEffect } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from './notices.js';
import { createStore, useStore } from './store.js';

/** The library's shape (categories, folders, problems) and every article's summary, loaded once and shared. */
export interface LibraryState {
  info: LibraryInfo | null;
  articles: ArticleSummary[];
  byId: ReadonlyMap<string, ArticleSummary>;
  loaded: boolean;
}

const libraryStore = createStore<LibraryState>({ info: null, articles: [], byId: new Map(), loaded: false });
let loading: Promise<void> | null = null;

/** Loads (or reloads, after a folder change) the library info and the article list. */
export function refreshLibrary(info?: LibraryInfo): Promise<void> {
  loading = Promise.all([info ? Promise.resolve(info) : kb.getLibraryInfo(), kb.listArticles()])
    .then(([nextInfo, articles]) =>
      libraryStore.set({
        info: nextInfo,
        articles,
        byId: new Map(articles.map((article) => [article.id, article])),
        loaded: true,
      }),
    )
    .catch((error: unknown) => {
      reportError(error);
      libraryStore.set({ ...libraryStore.get(), loaded: true });
    });
  return loading;
}

export function useLibrary(): LibraryState {
  useEffect(() => {
    if (!loading) void refreshLibrary();
  }, []);
  return useStore(libraryStore);
}
