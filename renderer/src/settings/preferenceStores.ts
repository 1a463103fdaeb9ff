import type { PreferenceName, Preferences } from '../../../electron/common/index.js';
import { DEFAULT_PREFERENCES, KbError, PREFERENCE_CHECKS, PREFERENCE_NAMES } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../services/notices.js';
import { readStored, writeStored } from '../services/storage.js';
import { createStoredStore, type Store } from '../services/store.js';

/** The localStorage keys that cache each preference (the names the renderer used before the core kept them). */
const CACHE_KEYS: { readonly [Name in PreferenceName]: string } = {
  uiLanguage: 'ui-language',
  articleLanguage: 'article-language',
  theme: 'theme',
  zoom: 'zoom',
  bookmarks: 'bookmarks',
  recent: 'recent',
};

type CacheStores = { [Name in PreferenceName]: Store<Preferences[Name]> };

function cacheStore<N extends PreferenceName>(name: N): Store<Preferences[N]> {
  return createStoredStore<Preferences[N]>(
    CACHE_KEYS[name],
    PREFERENCE_CHECKS[name],
    structuredClone(DEFAULT_PREFERENCES[name]) as Preferences[N],
  );
}

const caches: CacheStores = {
  uiLanguage: cacheStore('uiLanguage'),
  articleLanguage: cacheStore('articleLanguage'),
  theme: cacheStore('theme'),
  zoom: cacheStore('zoom'),
  bookmarks: cacheStore('bookmarks'),
  recent: cacheStore('recent'),
};

/**
 * The store of one preference: the core's value (localStorage only caches it for the first paint);
 * setting it shows at once and is saved by the core, whose refusal is reported.
 */
export function preferenceStore<N extends PreferenceName>(name: N): Store<Preferences[N]> {
  const cache = caches[name];
  return {
    get: cache.get,
    subscribe: cache.subscribe,
    set(next) {
      cache.set(next);
      kb.setPreferences({ [name]: next } as Partial<Preferences>).catch(reportError);
    },
  };
}

/**
 * Takes the preferences the core keeps (at start, before the first render); when the core cannot
 * be asked the cache stands. Resolves to false when the bridge refuses this page (no or an old token).
 */
export async function loadPreferences(): Promise<boolean> {
  let stored: Preferences;
  try {
    stored = await kb.getPreferences();
  } catch (error) {
    return !(error instanceof KbError && error.code === 'UNAUTHORIZED');
  }
  if (!readStored(MOVED_KEY, (value): value is boolean => typeof value === 'boolean', false))
    stored = await moveCacheIntoCore(stored);
  for (const name of PREFERENCE_NAMES) setCached(name, stored[name]);
  return true;
}

/** Set once this origin's preferences have been handed to the core. */
const MOVED_KEY = 'preferences-in-core';

/**
 * The first start after preferences moved into the core: what this computer's localStorage holds
 * (an older version kept them there) goes to the core wherever the core still has its default, so
 * an update loses no language, theme or bookmark.
 */
async function moveCacheIntoCore(stored: Preferences): Promise<Preferences> {
  const changes: Partial<Record<PreferenceName, unknown>> = {};
  for (const name of PREFERENCE_NAMES) {
    const cached = caches[name].get();
    if (
      JSON.stringify(stored[name]) === JSON.stringify(DEFAULT_PREFERENCES[name]) &&
      JSON.stringify(cached) !== JSON.stringify(stored[name])
    )
      changes[name] = cached;
  }
  try {
    const moved = Object.keys(changes).length > 0 ? await kb.setPreferences(changes as Partial<Preferences>) : stored;
    writeStored(MOVED_KEY, true);
    return moved;
  } catch {
    return stored; // Tried again at the next start.
  }
}

function setCached<N extends PreferenceName>(name: N, value: Preferences[N]): void {
  if (JSON.stringify(caches[name].get()) !== JSON.stringify(value)) caches[name].set(value);
}
