import { useEffect } from 'react';
import { kbEvents } from '../api/index.js';
import { refreshLibrary } from './library.js';
import { createStore, useStore } from './store.js';

/** Counts the `due` events seen: what lists of due deadlines reload on. */
const dueEvents = createStore(0);

/**
 * Subscribes the page to the core's push events, once, for the app's lifetime: a folder added,
 * removed or changed on disk refreshes the library (sidebar counts, folder list) without a reload;
 * a deadline falling due makes the due lists and the reminder banner look again.
 */
export function usePushEvents(): void {
  useEffect(() => {
    const stopLibrary = kbEvents.onLibraryChanged((info) => void refreshLibrary(info));
    const stopDue = kbEvents.onDue(() => dueEvents.set(dueEvents.get() + 1));
    return () => {
      stopLibrary();
      stopDue();
    };
  }, []);
}

/** A number that changes whenever deadlines fall due: a dependency for loading the due list. */
export function useDueEvents(): number {
  return useStore(dueEvents);
}
