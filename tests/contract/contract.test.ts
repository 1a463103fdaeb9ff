import type { KbApi } from '../../electron/common/index.js';
import { startBridge } from '../../electron/bridge/server.js';
import { createHttpClient } from '../../renderer/src/api/httpClient.js';
import { deferredApi } from '../../electron/core/deferredApi.js';
import { openTestCore } from '../helpers/core.js';
import { contractSuite } from './contractSuite.js';

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
