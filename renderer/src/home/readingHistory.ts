import type { Lang } from '../../../electron/common/index.js';
import { createStore, useStore } from '../app/store.js';

/** What a list of articles needs to show a link without asking the core. */
export interface ArticleRef {
  id: string;
  title: string;
  lang: Lang;
}

const MAX_RECENT = 8;

function isArticleRefs(value: unknown): value is ArticleRef[] {
  return (
    Array.isArray(value) &&
    value.every((item: unknown) => {
      const ref = item as Partial<ArticleRef> | null;
      return typeof ref?.id === 'string' && typeof ref.title === 'string' && (ref.lang === 'zh' || ref.lang === 'en');
    })
  );
}

const recentStore = createStore<ArticleRef[]>('recent', isArticleRefs, []);
const bookmarkStore = createStore<ArticleRef[]>('bookmarks', isArticleRefs, []);

export function recordRead(ref: ArticleRef): void {
  recentStore.set([ref, ...recentStore.get().filter((item) => item.id !== ref.id)].slice(0, MAX_RECENT));
}

export function toggleBookmark(ref: ArticleRef): void {
  const bookmarks = bookmarkStore.get();
  const has = bookmarks.some((item) => item.id === ref.id);
  bookmarkStore.set(has ? bookmarks.filter((item) => item.id !== ref.id) : [ref, ...bookmarks]);
}

export function useRecent(): ArticleRef[] {
  return useStore(recentStore);
}

export function useBookmarks(): ArticleRef[] {
  return useStore(bookmarkStore);
}
