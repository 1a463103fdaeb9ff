import { vi } from 'vitest';
import type { KbApi } from '../../electron/common/index.js';
import { apiFromEnvelopes } from '../../electron/common/index.js';
import { APP_ORIGIN, registerIpcHandlers } from '../../electron/main/ipc.js';
import { buildEnvelopeApi } from '../../electron/preload/preload.js';
import { startBridge } from '../../electron/bridge/server.js';
import { createHttpClient } from '../../renderer/src/api/httpClient.js';
import { deferredApi } from '../../electron/core/deferredApi.js';
import { openTestCore } from '../helpers/core.js';
import { contractSuite } from './contractSuite.js';

// The preload exposes window.kb when loaded; here only its builders are used.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: () => undefined },
  ipcRenderer: { invoke: () => undefined, on: () => undefined },
  webUtils: {},
}));

contractSuite('createCore()', async (dataDir) => {
  const core = await openTestCore(dataDir);
  return { api: core, close: async () => core.close() };
});

contractSuite('the HTTP bridge', async (dataDir) => {
  const core = await openTestCore(dataDir);
  const bridge = await startBridge({ api: core, staticDir: null });
  const origin = `http://127.0.0.1:${bridge.port}`;
  const api: KbApi = createHttpClient(bridge.token, (input, init) => fetch(new URL(String(input), origin), init));
  return {
    api,
    close: async () => {
      await bridge.close();
      core.close();
    },
  };
});

contractSuite('a deferred core (the desktop window opens before loading ends)', async (dataDir) => {
  const opening = openTestCore(dataDir);
  const api = deferredApi(opening);
  return { api, close: async () => (await opening).close() };
});

contractSuite(
  'the desktop door (IPC handlers, structured clone, the preload, the renderer unwrapping envelopes)',
  async (dataDir) => {
    const core = await openTestCore(dataDir);
    const handlers = new Map<string, (event: unknown, argument: unknown) => Promise<unknown>>();
    registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, core);
    const appFrame = { senderFrame: { parent: null, url: `${APP_ORIGIN}/index.html` } };
    const envelopes = buildEnvelopeApi(async (channel, argument) =>
      structuredClone(await handlers.get(channel)!(appFrame, structuredClone(argument))),
    );
    return { api: apiFromEnvelopes(envelopes), close: async () => core.close() };
  },
);
