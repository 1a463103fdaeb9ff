import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from './storage.js';

/** A value held outside React that every component reading it sees change at once. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/** A store that lives as long as the page. */
export function createMemoryStore<T>(initial: T): Store<T> {
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

/** A store kept in localStorage under `key`. */
export function createStore<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): Store<T> {
  const store = createMemoryStore(readStored(key, isValid, fallback));
  return {
    ...store,
    set(next) {
      writeStored(key, next);
      store.set(next);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
