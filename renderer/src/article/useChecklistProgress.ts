import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistInfo, ChecklistProgress } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useNotebookSecurity } from '../app/notebookSecurity.js';
import { reportError } from '../app/notices.js';
import { rememberTally } from '../library/checklistTotals.js';

export type { Ticked };

export interface ChecklistState {
  isTicked(checklist: string, step: number): boolean;
  doneIn(checklist: string, total: number): number;
  done: number;
  total: number;
  toggle(checklist: string, step: number, done: boolean): void;
  /** Clears every checklist of the article (and its twin); resolves to the ticks it cleared, for an Undo. */
  reset(): Promise<Ticked | null>;
  /** Ticks again what a reset cleared. */
  restore(previous: Ticked): Promise<void>;
}

type Ticked = ChecklistProgress['ticked'];

/** The article's ticked steps from the core; a tick shows at once and is undone if saving fails. */
export function useChecklistProgress(articleId: string, checklists: ChecklistInfo[], twinId: string | null = null): ChecklistState {
  const [ticked, setTicked] = useState<Ticked>({});
  const hasChecklists = checklists.length > 0;
  // Ticks are kept in the notebook: while it is locked there are none to show.
  const locked = useNotebookSecurity().security?.locked ?? false;

  useEffect(() => {
    if (!hasChecklists || locked) return;
    let current = true;
    kb.getChecklistProgress({ articleId }).then((progress) => current && setTicked(progress.ticked), reportError);
    return () => {
      current = false;
    };
  }, [articleId, hasChecklists, locked]);

  const toggle = useCallback(
    (checklist: string, step: number, done: boolean) => {
      setTicked((previous) => withStep(previous, checklist, step, done));
      kb.setChecklistStep({ articleId, checklist, step, done }).then(
        (progress) => setTicked(progress.ticked),
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
      setTicked((await kb.resetChecklist({ articleId })).ticked);
      return previous;
    } catch (error) {
      reportError(error);
      return null;
    }
  }, [articleId, ticked]);

  const restore = useCallback(
    async (previous: Ticked) => {
      try {
        // Checklist names come from content: read as entries, never looked up on a plain object.
        for (const [checklist, steps] of new Map(Object.entries(previous))) {
          for (const step of steps) setTicked((await kb.setChecklistStep({ articleId, checklist, step, done: true })).ticked);
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
      isTicked: (checklist, step) => stepsOf(ticked, checklist).includes(step),
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

function countDone(ticked: Ticked, checklist: string, steps: number): number {
  return stepsOf(ticked, checklist).filter((step) => step >= 0 && step < steps).length;
}

function withStep(ticked: Ticked, checklist: string, step: number, done: boolean): Ticked {
  const steps = new Set(stepsOf(ticked, checklist));
  if (done) steps.add(step);
  else steps.delete(step);
  return { ...ticked, [checklist]: [...steps].sort((a, b) => a - b) };
}

/** The ticked steps of a checklist; its name comes from content, so only an own property counts. */
function stepsOf(ticked: Ticked, checklist: string): number[] {
  return Object.hasOwn(ticked, checklist) ? (ticked[checklist] ?? []) : [];
}
