import type { DueDeadline } from '../../common/index.js';
import { effectiveDate } from '../deadlines/deadlineEngine.js';

/** How often the core looks for deadlines that fell due (a day turns at midnight, not on the hour). */
export const DUE_CHECK_MS = 60 * 1000;

export interface DueWatcherOptions {
  /** The deadlines due today or overdue now (listDueDeadlines with withinDays 0); throws while the notebook is locked. */
  listDue: () => Promise<DueDeadline[]>;
  /** Receives only the deadlines that were not due at the last look. */
  emit: (due: DueDeadline[]) => void;
  everyMs?: number;
  /** Starts the repeating check; returns what stops it (tests pass their own). */
  repeat?: (check: () => void, everyMs: number) => () => void;
}

export interface DueWatcher {
  /** Looks now (at start, at unlock, each minute) and emits what fell due since the last look. */
  check(): Promise<void>;
  stop(): void;
}

/** One deadline on one date: a deadline whose date moves is due again on its new date. */
export function dueKey(deadline: DueDeadline): string {
  return `${deadline.caseId}:${deadline.id}:${effectiveDate(deadline) ?? ''}`;
}

function repeatEvery(check: () => void, everyMs: number): () => void {
  const timer = setInterval(check, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Watches the case deadlines and emits each one once when it falls due. What was due at the last
 * look is remembered (only that, so the memory stays as small as the due list); a locked notebook
 * is skipped and looked at again at unlock. Checks run one after another, never
 * side by side.
 */
export function startDueWatcher(options: DueWatcherOptions): DueWatcher {
  let seen = new Set<string>();
  let queue = Promise.resolve();
  let stopped = false;
  const look = async () => {
    let due: DueDeadline[];
    try {
      due = await options.listDue();
    } catch {
      return; // Locked or closed: nothing can be due until it opens again.
    }
    if (stopped) return;
    const fresh = due.filter((deadline) => !seen.has(dueKey(deadline)));
    seen = new Set(due.map(dueKey));
    if (fresh.length > 0) options.emit(fresh);
  };
  // A failing emit must not break the queue for every later check.
  const check = () => (queue = queue.then(look).catch(() => undefined));
  const stopRepeating = (options.repeat ?? repeatEvery)(() => void check(), options.everyMs ?? DUE_CHECK_MS);
  return {
    check,
    stop: () => {
      stopped = true;
      stopRepeating();
    },
  };
}
