import type { ArticleRef } from '../../../electron/common/index.js';
import { MAX_RECENT } from '../../../electron/common/index.js';
import { useStore } from '../services/store.js';
import { preferenceStore } from '../settings/preferenceStores.js';

export type { ArticleRef };

const recentStore = preferenceStore('recent');
const bookmarkStore = preferenceStore('bookmarks');

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
