import { useEffect, useSyncExternalStore } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from './notices.js';

/** The library's shape (categories, folders, problems) and every article's summary, loaded once and shared. */
export interface LibraryState {
  info: LibraryInfo | null;
  articles: ArticleSummary[];
  byId: ReadonlyMap<string, ArticleSummary>;
  loaded: boolean;
}

let state: LibraryState = { info: null, articles: [], byId: new Map(), loaded: false };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function setState(next: LibraryState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Loads (or reloads, after a folder change) the library info and the article list. */
export function refreshLibrary(info?: LibraryInfo): Promise<void> {
  loading = Promise.all([info ? Promise.resolve(info) : kb.getLibraryInfo(), kb.listArticles()])
    .then(([nextInfo, articles]) => setState({ info: nextInfo, articles, byId: new Map(articles.map((article) => [article.id, article])), loaded: true }))
    .catch((error: unknown) => {
      reportError(error);
      setState({ ...state, loaded: true });
    });
  return loading;
}

export function useLibrary(): LibraryState {
  useEffect(() => {
    if (!loading) void refreshLibrary();
  }, []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
