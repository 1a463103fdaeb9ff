import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from './storage.js';

/** A value held outside React that every component reading it sees change at once. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/** The one store of the renderer: lives as long as the page; every shared state is one of these. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A store kept in localStorage under `key` (a stored value that fails `isValid` reads as `fallback`). */
export function createStoredStore<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): Store<T> {
  const store = createStore(readStored(key, isValid, fallback));
  return {
    ...store,
    set(next) {
      writeStored(key, next);
      store.set(next);
    },
  };
}

/** The store's value in a component, which renders again whenever the value is set. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
