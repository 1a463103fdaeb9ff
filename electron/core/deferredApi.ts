import type { KbApi } from '../common/index.js';
import { apiFromCall } from '../common/index.js';

/**
 * A KbApi whose calls wait until the real one is ready, so a window can open at once while the
 * library and the notebook load; calls made meanwhile are answered as soon as loading ends.
 */
export function deferredApi(ready: Promise<KbApi>): KbApi {
  return apiFromCall(async (method, argument) =>
    ((await ready)[method] as (argument?: unknown) => Promise<unknown>)(argument),
  );
}
