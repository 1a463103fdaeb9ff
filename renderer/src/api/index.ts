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

/** The contract as this page reaches it: window.kb in the desktop app, the HTTP bridge in a browser. */
export const kb: KbApi = window.kb ? wrapDesktopApi(window.kb) : createHttpClient(takeToken(window.location, window.history, window.sessionStorage));

/** True in the desktop app. */
export const isDesktop = Boolean(window.kb);
