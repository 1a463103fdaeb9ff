import type { KbApi } from '../common/index.js';
import { KB_METHODS } from '../common/index.js';

/**
 * A KbApi whose calls wait until the real one is ready, so a window can open at once while the
 * library and the notebook load; calls made meanwhile are answered as soon as loading ends.
 */
export function deferredApi(ready: Promise<KbApi>): KbApi {
  const api: Record<string, (argument?: unknown) => Promise<unknown>> = {};
  for (const method of KB_METHODS) {
    api[method] = async (argument?: unknown) => ((await ready)[method] as (argument?: unknown) => Promise<unknown>)(argument);
  }
  return api as unknown as KbApi;
}
