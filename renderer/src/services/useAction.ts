import { useCallback, useState } from 'react';
import { reportError, showToast } from './notices.js';

/** What an action says when it ends. */
export interface ActionOptions<R> {
  /** The toast when it succeeds: a fixed text, or one worded from the result; no toast without it. */
  done?: string | ((result: R) => string);
  /** Takes an error the form shows in place (a wrong passphrase): true when it did; any other goes to the banner. */
  handleError?: (error: unknown) => boolean;
}

/** The busy flag and the runner of `useAction`. */
export interface Action {
  busy: boolean;
  run: <R>(work: () => Promise<R>, options?: ActionOptions<R>) => Promise<boolean>;
}

/**
 * One user action that calls the core (back up, add a folder, unlock, export …): `busy` while it
 * runs, so its buttons disable; a toast when it succeeds; a failure in the error banner, worded from
 * its code. `run` resolves to whether the work succeeded and never rejects.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <R>(work: () => Promise<R>, { done, handleError }: ActionOptions<R> = {}): Promise<boolean> => {
      setBusy(true);
      try {
        const result = await work();
        if (done !== undefined) showToast(typeof done === 'string' ? done : done(result));
        return true;
      } catch (error) {
        if (!handleError?.(error)) reportError(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, run };
}
