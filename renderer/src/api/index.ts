import type { KbApi } from '../../../electron/common/index.js';
import { apiFromCall, errorFromCrossing } from '../../../electron/common/index.js';
import { createHttpClient, takeTokenFromUrl } from './httpClient.js';

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

const token = isDesktop ? null : takeTokenFromUrl(window.location, window.history, window.sessionStorage);

/** False in a browser tab opened without the link `seller-kb web` printed (no token: the bridge refuses every call). */
export const hasAccess = isDesktop || token !== null;

let current: KbApi = window.kb ? wrapDesktopApi(window.kb) : createHttpClient(token);

/** The contract as this page reaches it: window.kb in the desktop app, the HTTP bridge in a browser. */
export const kb: KbApi = apiFromCall((method, argument) => (current[method] as (argument?: unknown) => Promise<unknown>)(argument));

/** Puts another implementation of the contract behind `kb` (component tests give a fake core). */
export function provideKbApi(api: KbApi): void {
  current = api;
}
