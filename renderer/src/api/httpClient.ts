import type { Envelope, KbApi } from '../../../electron/common/index.js';
import { apiFromCall, unwrapEnvelope } from '../../../electron/common/index.js';

const TOKEN_KEY = 'seller-kb-token';
const TOKEN_HEADER = 'x-kb-token';

/** Takes the per-launch token from the URL the CLI printed (#token=…) and keeps it for this tab only. */
export function takeTokenFromUrl(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}#/`);
  }
  return storage.getItem(TOKEN_KEY);
}

/** KbApi over the web bridge: POST /api/<method> with the token; the same contract as window.kb. */
export function createHttpClient(token: string | null, fetchImpl: typeof fetch = fetch): KbApi {
  return apiFromCall(async (method, argument) => {
    const response = await fetchImpl(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
      body: argument === undefined ? '' : JSON.stringify(argument),
    });
    return unwrapEnvelope((await response.json()) as Envelope<unknown>);
  });
}
