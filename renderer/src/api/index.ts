import type { KbApi } from '../../../electron/common/index.js';
import { apiFromCall, errorFromCrossing } from '../../../electron/common/index.js';
import { createHttpClient, takeToken } from './httpClient.js';

declare global {
  interface Window {
    kb?: KbApi;
  }
}

/** window.kb restores KbError codes that contextBridge strips. */
function wrapDesktopApi(desktop: KbApi): KbApi {
  return apiFromCall((method, argument) =>
    (desktop[method] as (argument?: unknown) => Promise<unknown>)(argument).catch((error: unknown) => Promise.reject(errorFromCrossing(error))),
  );
}

/** True in the desktop app. */
export const isDesktop = Boolean(window.kb);

// Web mode trades the one-time link's nonce for the token (see takeToken); a used link is refused.
const token = isDesktop ? null : takeToken(window.location, window.history, window.sessionStorage);

/** Resolves false in a browser tab opened without a valid link from `seller-kb web` (the bridge would refuse every call). */
export const hasAccess: Promise<boolean> = token === null ? Promise.resolve(true) : token.then((value) => value !== null, () => false);

let current: KbApi = window.kb ? wrapDesktopApi(window.kb) : createHttpClient(token);

/** The contract as this page reaches it: window.kb in the desktop app, the HTTP bridge in a browser. */
export const kb: KbApi = apiFromCall((method, argument) => (current[method] as (argument?: unknown) => Promise<unknown>)(argument));

/** Puts another implementation of the contract behind `kb` (component tests give a fake core). */
export function provideKbApi(api: KbApi): void {
  current = api;
}
