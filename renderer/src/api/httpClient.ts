import type { Envelope, KbApi } from '../../../electron/common/index.js';
import { apiFromCall, unwrapEnvelope } from '../../../electron/common/index.js';

const TOKEN_KEY = 'seller-kb-token';
const TOKEN_HEADER = 'x-kb-token';
/** The bridge's SESSION_PATH: where a one-time link's nonce is traded for the token. */
const SESSION_PATH = '/session';

/**
 * The per-launch token for this tab. seller-kb web opens a one-time link (`#nonce=…`, never the
 * token itself, which would show on the browser's command line): the nonce is traded once for the
 * token, which this tab keeps in sessionStorage. A reload finds it there. Rejects with the bridge's
 * error when the link was already used.
 */
export async function takeToken(
  location: Location,
  history: History,
  storage: Storage,
  fetchImpl: typeof fetch = fetch,
): Promise<string | null> {
  const nonce = /(?:^#|&)nonce=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1];
  if (nonce) {
    // Off the address bar and the history at once: the link is spent either way.
    history.replaceState(null, '', `${location.pathname}#/`);
    const response = await fetchImpl(SESSION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nonce }),
    });
    const { token } = unwrapEnvelope((await response.json()) as Envelope<{ token: string }>);
    storage.setItem(TOKEN_KEY, token);
  }
  return storage.getItem(TOKEN_KEY);
}

/** KbApi over the web bridge: POST /api/<method> with the token; the same contract as window.kb. */
export function createHttpClient(
  token: string | null | Promise<string | null>,
  fetchImpl: typeof fetch = fetch,
): KbApi {
  // A refused link is reported by the calls that wait for the token, not as an unhandled rejection.
  if (token instanceof Promise) token.catch(() => undefined);
  return apiFromCall(async (method, argument) => {
    const response = await fetchImpl(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: (await token) ?? '' },
      body: argument === undefined ? '' : JSON.stringify(argument),
    });
    return unwrapEnvelope((await response.json()) as Envelope<unknown>);
  });
}
