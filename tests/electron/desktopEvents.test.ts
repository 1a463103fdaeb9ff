import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopKb, LibraryInfo } from '../../electron/common/index.js';
import { apiFromEnvelopes, EVENTS_CHANNEL, KbError } from '../../electron/common/index.js';
import type { Core } from '../../electron/core/createCore.js';
import { APP_ORIGIN, forwardEvents, registerIpcHandlers, type EventWindow } from '../../electron/main/ipc.js';
import { openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// The preload runs against this stand-in for Electron: what it exposes is kept, nothing else.
const exposed = new Map<string, unknown>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: {
    invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'not wired' } }),
    on: () => undefined,
  },
  webUtils: { getPathForFile: () => '' },
}));

const tempDir = useTempDirs();
let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

/** A window of the desktop app, from the main process's end to the page's: IPC copies by structured clone, as Electron does. */
function desktopWindow(url: string) {
  const received: { channel: string; envelope: unknown }[] = [];
  let deliver: ((event: unknown, envelope: unknown) => void) | null = null;
  const window: EventWindow = {
    webContents: {
      getURL: () => url,
      isDestroyed: () => false,
      send: (channel: string, envelope: unknown) => {
        received.push({ channel, envelope });
        if (channel === EVENTS_CHANNEL) deliver?.({ sender: 'ipc event' }, structuredClone(envelope));
      },
    },
  };
  return { window, received, listen: (handler: (event: unknown, envelope: unknown) => void) => (deliver = handler) };
}

/** The real core behind registerIpcHandlers and forwardEvents, and the real preload's window.kb in front. */
async function wireDesktop() {
  core = await openTestCore(tempDir());
  const events = core.events;
  const handlers = new Map<string, (event: unknown, argument: unknown) => Promise<unknown>>();
  registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, core);
  const app = desktopWindow(`${APP_ORIGIN}/index.html#/`);
  const stranger = desktopWindow('https://evil.example/');
  const stop = forwardEvents(
    (listener) => events.subscribe(listener),
    () => [app.window, stranger.window],
  );
  const { buildDesktopKb } = await import('../../electron/preload/preload.js');
  const topFrame = { senderFrame: { parent: null, url: `${APP_ORIGIN}/index.html` } };
  const kb: DesktopKb = buildDesktopKb(
    async (channel, argument) => structuredClone(await handlers.get(channel)!(topFrame, argument)),
    (channel, handler) => {
      expect(channel).toBe(EVENTS_CHANNEL);
      app.listen(handler);
    },
  );
  return { core, kb, app, stranger, stop };
}

describe('the desktop door’s events and envelopes', () => {
  it('delivers libraryChanged to the app’s window on the one channel when a folder is added, and to no other page', async () => {
    const { core: opened, kb, app, stranger, stop } = await wireDesktop();
    const heard: LibraryInfo[] = [];
    const unsubscribe = kb.onLibraryChanged((info) => heard.push(info));
    const folder = tempDir();
    cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
    const info = await apiFromEnvelopes(kb).addUserFolder({ path: folder });
    expect(app.received).toEqual([{ channel: EVENTS_CHANNEL, envelope: { event: 'libraryChanged', payload: info } }]);
    expect(stranger.received).toEqual([]);
    expect(heard).toEqual([info]);
    expect(heard[0]!.userFolders.map((entry) => entry.path)).toEqual([folder]);
    unsubscribe();
    await opened.removeUserFolder({ path: folder });
    expect(app.received).toHaveLength(2);
    expect(heard).toHaveLength(1);
    stop();
    await opened.addUserFolder({ path: folder });
    expect(app.received).toHaveLength(2);
  });

  it('brings a core error across as an envelope: the renderer’s call rejects with a KbError keeping code and details', async () => {
    const { kb } = await wireDesktop();
    const envelope = await kb.removeUserFolder({ path: '/nowhere/at/all' });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: expect.stringMatching(/Library: folder .*nowhere.* is not one of your folders/),
      },
    });
    const error = await apiFromEnvelopes(kb)
      .getArticle({ id: 'no-such-article' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KbError);
    expect((error as KbError).code).toBe('NOT_FOUND');
    expect((error as KbError).message).not.toMatch(/KB_ERROR|^\{/);
  });
});
