import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from './storage.js';

/** A value kept in localStorage that every component reading it sees change at once. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): Store<T> {
  let value = readStored(key, isValid, fallback);
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      writeStored(key, next);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
