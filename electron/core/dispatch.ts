import type { Envelope, KbApi, KbMethod } from '../common/index.js';
import { KbError, isKbMethod, toErrorData } from '../common/index.js';

/**
 * Calls one contract method by name with one argument and always resolves to an envelope:
 * the single entry point every door (IPC, HTTP) uses, so they behave the same.
 */
export async function dispatch(api: KbApi, method: string, argument: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isKbMethod(method)) throw new KbError('UNKNOWN_METHOD', `Unknown method "${method}"`);
    const call = api[method as KbMethod] as (argument: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(api, argument ?? undefined) };
  } catch (error) {
    if (!(error instanceof KbError)) console.error(`seller-kb: ${method} failed:`, error);
    return { ok: false, error: toErrorData(error) };
  }
}
