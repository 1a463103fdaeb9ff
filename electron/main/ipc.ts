import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { KbApi, KbEventListener, Unsubscribe } from '../common/index.js';
import { EVENTS_CHANNEL, KB_METHODS, ipcChannel } from '../common/index.js';
import { dispatch } from '../core/dispatch.js';

/** The renderer's own origin; IPC from any other frame or page is refused. */
export const APP_ORIGIN = 'app://seller-kb';

/** scheme://host of a URL, or null. (URL.origin is "null" for custom schemes such as app:.) */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True when the call comes from the app's own top-level page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && !frame.parent && originOf(frame.url) === APP_ORIGIN);
}

/** One ipcMain handler per contract method; each checks its sender, then goes through dispatch like the bridge. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, api: KbApi): void {
  for (const method of KB_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event))
        return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC: sender is not the app window' } };
      if (args.length > 1)
        return { ok: false, error: { code: 'INVALID_INPUT', message: `IPC: ${method} takes at most one argument` } };
      return dispatch(api, method, args[0]);
    });
  }
}

/** The part of a window that events reach. */
export interface EventWindow {
  webContents: Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;
}

/**
 * Passes every core event to every open window showing the app, on the one channel, as the
 * envelope the core made. Returns what stops forwarding.
 */
export function forwardEvents(
  subscribe: (listener: KbEventListener) => Unsubscribe,
  windows: () => readonly EventWindow[],
): Unsubscribe {
  return subscribe((envelope) => {
    for (const { webContents } of windows()) {
      // A page that is not the app's own (it cannot be, navigation is locked; still) hears nothing.
      if (!webContents.isDestroyed() && originOf(webContents.getURL()) === APP_ORIGIN)
        webContents.send(EVENTS_CHANNEL, envelope);
    }
  });
}
