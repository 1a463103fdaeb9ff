import { createStoredStore, useStore } from '../services/store.js';

/** Per article: ticked and total checklist steps, remembered from the article page so lists can show "3/8". */
export type ChecklistTally = Record<string, { done: number; total: number }>;

function isTally(value: unknown): value is ChecklistTally {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry: unknown) => {
      const tally = entry as { done?: unknown; total?: unknown } | null;
      return typeof tally?.done === 'number' && typeof tally.total === 'number';
    })
  );
}

const tallyStore = createStoredStore<ChecklistTally>('checklist-tally', isTally, {});

/** An article's remembered tally; only the store's own entries count (an article may be named "constructor"). */
export function tallyOf(tally: ChecklistTally, articleId: string): { done: number; total: number } | undefined {
  return Object.hasOwn(tally, articleId) ? tally[articleId] : undefined;
}

export function rememberTally(articleId: string, done: number, total: number): void {
  const current = tallyOf(tallyStore.get(), articleId);
  if (current?.done === done && current.total === total) return;
  tallyStore.set({ ...tallyStore.get(), [articleId]: { done, total } });
}

export function useTally(): ChecklistTally {
  return useStore(tallyStore);
}
