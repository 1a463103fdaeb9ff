import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistInfo } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useNotebookSecurity } from '../services/notebookSecurity.js';
import { reportError } from '../services/notices.js';
import { rememberTally } from '../library/checklistTotals.js';
import { countDone, tickedFromProgress, withStep, type TickedSteps } from './tickedSteps.js';

export interface ChecklistState {
  isTicked(checklist: string, step: number): boolean;
  doneIn(checklist: string, total: number): number;
  done: number;
  total: number;
  toggle(checklist: string, step: number, done: boolean): void;
  /** Clears every checklist of the article (and its twin); resolves to the ticks it cleared, for an Undo. */
  reset(): Promise<TickedSteps | null>;
  /** Ticks again what a reset cleared. */
  restore(previous: TickedSteps): Promise<void>;
}

/** The article's ticked steps from the core; a tick shows at once and is undone if saving fails. */
export function useChecklistProgress(
  articleId: string,
  checklists: ChecklistInfo[],
  twinId: string | null = null,
): ChecklistState {
  const [ticked, setTicked] = useState<TickedSteps>(() => new Map());
  const hasChecklists = checklists.length > 0;
  // Ticks are kept in the notebook: while it is locked there are none to show.
  const locked = useNotebookSecurity().security?.locked ?? false;

  useEffect(() => {
    if (!hasChecklists || locked) return;
    let current = true;
    kb.getChecklistProgress({ articleId }).then(
      (progress) => current && setTicked(tickedFromProgress(progress)),
      reportError,
    );
    return () => {
      current = false;
    };
  }, [articleId, hasChecklists, locked]);

  const toggle = useCallback(
    (checklist: string, step: number, done: boolean) => {
      setTicked((previous) => withStep(previous, checklist, step, done));
      kb.setChecklistStep({ articleId, checklist, step, done }).then(
        (progress) => setTicked(tickedFromProgress(progress)),
        (error: unknown) => {
          setTicked((previous) => withStep(previous, checklist, step, !done));
          reportError(error);
        },
      );
    },
    [articleId],
  );

  const reset = useCallback(async () => {
    const previous = ticked;
    try {
      setTicked(tickedFromProgress(await kb.resetChecklist({ articleId })));
      return previous;
    } catch (error) {
      reportError(error);
      return null;
    }
  }, [articleId, ticked]);

  const restore = useCallback(
    async (previous: TickedSteps) => {
      try {
        for (const [checklist, steps] of previous) {
          for (const step of steps)
            setTicked(tickedFromProgress(await kb.setChecklistStep({ articleId, checklist, step, done: true })));
        }
      } catch (error) {
        reportError(error);
      }
    },
    [articleId],
  );

  const total = checklists.reduce((sum, list) => sum + list.steps.length, 0);
  const done = checklists.reduce((sum, list) => sum + countDone(ticked, list.name, list.steps.length), 0);

  // The twin shares the ticks (progress is kept per checklist name), so its tally is the same.
  useEffect(() => {
    if (!hasChecklists) return;
    rememberTally(articleId, done, total);
    if (twinId) rememberTally(twinId, done, total);
  }, [articleId, twinId, hasChecklists, done, total]);

  return useMemo(
    () => ({
      isTicked: (checklist, step) => ticked.get(checklist)?.includes(step) ?? false,
      doneIn: (checklist, steps) => countDone(ticked, checklist, steps),
      done,
      total,
      toggle,
      reset,
      restore,
    }),
    [ticked, done, total, toggle, reset, restore],
  );
}
