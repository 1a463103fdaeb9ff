import type { DesktopKb, KbApi, KbEvents } from '../../../electron/common/index.js';
import { apiFromCall, apiFromEnvelopes } from '../../../electron/common/index.js';
import { createHttpClient, takeToken } from './httpClient.js';
import { createHttpEvents } from './httpEvents.js';

declare global {
  interface Window {
    /** The preload's door: every method answers with an envelope; errors arrive as data. */
    kb?: DesktopKb;
  }
}

/** True in the desktop app. */
export const isDesktop = Boolean(window.kb);

// Web mode trades the one-time link's nonce for the token (see takeToken); a used link is refused.
const token = isDesktop ? null : takeToken(window.location, window.history, window.sessionStorage);

/** Resolves false in a browser tab opened without a valid link from `seller-kb web` (the bridge would refuse every call). */
export const hasAccess: Promise<boolean> =
  token === null
    ? Promise.resolve(true)
    : token.then(
        (value) => value !== null,
        () => false,
      );

let current: KbApi = window.kb ? apiFromEnvelopes(window.kb) : createHttpClient(token);
let currentEvents: KbEvents = window.kb ?? createHttpEvents(token);

/** The contract as this page reaches it: window.kb in the desktop app, the HTTP bridge in a browser. */
export const kb: KbApi = apiFromCall((method, argument) =>
  (current[method] as (argument?: unknown) => Promise<unknown>)(argument),
);

/** The core's push events: over IPC in the desktop app, Server-Sent Events in a browser. */
export const kbEvents: KbEvents = {
  onLibraryChanged: (listener) => currentEvents.onLibraryChanged(listener),
  onDue: (listener) => currentEvents.onDue(listener),
};

/** Puts another implementation of the contract behind `kb` (component tests give a fake core). */
export function provideKbApi(api: KbApi, events?: KbEvents): void {
  current = api;
  if (events) currentEvents = events;
}
