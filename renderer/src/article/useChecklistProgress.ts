import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistInfo } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useNotebookSecurity } from '../app/notebookSecurity.js';
import { reportError } from '../app/notices.js';
import { rememberTally } from '../library/checklistTotals.js';
import { countDone, tickedFromProgress, withStep, type TickedSteps } from './tickedSteps.js';

export interface ChecklistState {
  isTicked(checklist: string, step: number): boolean;
  doneIn(checklist: string, total: number): number;
  done: number;
  total: number;
  toggle(checklist: string, step: number, done: boolean): void;
  reset(): Promise<void>;
}

/** The article's ticked steps from the core; a tick shows at once and is undone if saving fails. */
export function useChecklistProgress(articleId: string, checklists: ChecklistInfo[]): ChecklistState {
  const [ticked, setTicked] = useState<TickedSteps>(() => new Map());
  const hasChecklists = checklists.length > 0;
  // Ticks are kept in the notebook: while it is locked there are none to show.
  const locked = useNotebookSecurity().security?.locked ?? false;

  useEffect(() => {
    if (!hasChecklists || locked) return;
    let current = true;
    kb.getChecklistProgress({ articleId }).then((progress) => current && setTicked(tickedFromProgress(progress)), reportError);
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
    try {
      setTicked(tickedFromProgress(await kb.resetChecklist({ articleId })));
    } catch (error) {
      reportError(error);
    }
  }, [articleId]);

  const total = checklists.reduce((sum, list) => sum + list.steps.length, 0);
  const done = checklists.reduce((sum, list) => sum + countDone(ticked, list.name, list.steps.length), 0);

  useEffect(() => {
    if (hasChecklists) rememberTally(articleId, done, total);
  }, [articleId, hasChecklists, done, total]);

  return useMemo(
    () => ({
      isTicked: (checklist, step) => ticked.get(checklist)?.includes(step) ?? false,
      doneIn: (checklist, steps) => countDone(ticked, checklist, steps),
      done,
      total,
      toggle,
      reset,
    }),
    [ticked, done, total, toggle, reset],
  );
}
