import type { Session, WebContents } from 'electron';
import { openExternalSafely } from './externalLinks.js';
import { APP_ORIGIN, originOf } from './ipc.js';

/** The webPreferences of every window: isolated, sandboxed, no Node. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** Denies every permission request (camera, notifications, …): the app needs none. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Keeps a window on the app: navigation away and new windows are refused; https: and mailto:
 * links go to the system through the allow-listed helper instead.
 */
export function lockNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  open: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) === APP_ORIGIN) return;
    event.preventDefault();
    void openExternalSafely(url, open);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, open);
    return { action: 'deny' };
  });
}
