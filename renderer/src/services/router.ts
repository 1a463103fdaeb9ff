import { useSyncExternalStore } from 'react';
import { CATEGORIES, decodeUriSafely, type Category } from '../../../electron/common/index.js';

export type Route =
  | { name: 'home' }
  | { name: 'article'; id: string }
  | { name: 'category'; category: Category }
  | { name: 'contacts' }
  | { name: 'cases' }
  | { name: 'case'; id: number; noteId: number | null }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

/** Reads a "#/…" hash; anything unknown is a not-found route, never an exception. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeUriSafely);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'article' && second && parts.length === 2) return { name: 'article', id: second };
  if (first === 'category' && parts.length === 2 && (CATEGORIES as readonly string[]).includes(second ?? '')) {
    return { name: 'category', category: second as Category };
  }
  if (parts.length === 1 && (first === 'contacts' || first === 'cases' || first === 'trash' || first === 'settings'))
    return { name: first };
  if (first === 'cases' && parts.length === 2 && /^\d+$/.test(second ?? '')) {
    const note = new URLSearchParams(query).get('note');
    return { name: 'case', id: Number(second), noteId: note && /^\d+$/.test(note) ? Number(note) : null };
  }
  return { name: 'not-found', path };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current hash; re-renders on back, forward and every navigation. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}

/** A key that changes when the page changes (not when only a case's open note does). */
export function pageKey(route: Route): string {
  switch (route.name) {
    case 'article':
      return `article:${route.id}`;
    case 'category':
      return `category:${route.category}`;
    case 'case':
      return `case:${route.id}`;
    case 'not-found':
      return `not-found:${route.path}`;
    default:
      return route.name;
  }
}

/** Goes to an in-app path such as "#/cases/3"; a new history entry, so Back works. */
export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

export const paths = {
  home: () => '#/',
  article: (id: string) => `#/article/${encodeURIComponent(id)}`,
  category: (category: Category) => `#/category/${category}`,
  contacts: () => '#/contacts',
  cases: () => '#/cases',
  case: (id: number, noteId?: number) => `#/cases/${id}${noteId === undefined ? '' : `?note=${noteId}`}`,
  trash: () => '#/trash',
  settings: () => '#/settings',
};
