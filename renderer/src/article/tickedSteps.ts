import type { ChecklistProgress } from '../../../electron/common/index.js';

/** Ticked steps by checklist name; a Map, because names come from content and "constructor" is one of them. */
export type TickedSteps = ReadonlyMap<string, readonly number[]>;

/** The core's answer as a Map, reading only the object's own entries. */
export function tickedFromProgress(progress: ChecklistProgress): TickedSteps {
  const ticked = new Map<string, number[]>();
  for (const [name, steps] of Object.entries(progress.ticked ?? {})) if (Array.isArray(steps)) ticked.set(name, steps);
  return ticked;
}

/** How many of a checklist's first `steps` steps are ticked. */
export function countDone(ticked: TickedSteps, checklist: string, steps: number): number {
  return (ticked.get(checklist) ?? []).filter((step) => step >= 0 && step < steps).length;
}

/** The ticked steps with one step ticked or unticked. */
export function withStep(ticked: TickedSteps, checklist: string, step: number, done: boolean): TickedSteps {
  const steps = new Set(ticked.get(checklist) ?? []);
  if (done) steps.add(step);
  else steps.delete(step);
  return new Map(ticked).set(
    checklist,
    [...steps].sort((a, b) => a - b),
  );
}
