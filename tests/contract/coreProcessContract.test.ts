import { vi } from 'vitest';
import { coreOptionsArgument } from '../../electron/common/coreProcess.js';
import { apiFromEnvelopes } from '../../electron/common/index.js';
import { prebuiltLibraryPath } from '../../electron/core/paths.js';
import { startCoreClient } from '../../electron/main/coreClient.js';
import { APP_ORIGIN, registerIpcHandlers } from '../../electron/main/ipc.js';
import { buildEnvelopeApi } from '../../electron/preload/preload.js';
import { APP_ROOT } from '../helpers/tempDir.js';
import { forkUtilityProcess } from '../helpers/utilityProcess.js';
import { contractSuite } from './contractSuite.js';

// The preload imports electron; only its pure builders are used here.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: () => undefined },
  ipcRenderer: { invoke: async () => undefined, on: () => undefined },
  webUtils: { getPathForFile: () => '' },
}));

// The whole desktop stack as the app runs it: the preload's envelopes, the IPC handlers, main's
// CoreClient, and the core in its own REAL child process (the stand-in for utilityProcess.fork).
contractSuite('the core in its own process (preload, IPC, CoreClient, a real child process)', async (dataDir) => {
  const options = { appRoot: APP_ROOT, dataDir, prebuiltPath: prebuiltLibraryPath(APP_ROOT), autoBackup: false };
  const client = startCoreClient({
    start: () =>
      forkUtilityProcess('dist/electron/coreProcess.cjs', [coreOptionsArgument(options)], {
        serviceName: 'Seller KB core',
      }),
    openFile: async () => undefined,
  });
  const handlers = new Map<string, (event: unknown, argument: unknown) => Promise<unknown>>();
  registerIpcHandlers(
    { handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never,
    client.api,
  );
  const appFrame = { senderFrame: { parent: null, url: `${APP_ORIGIN}/index.html` } };
  const envelopes = buildEnvelopeApi(async (channel, argument) =>
    structuredClone(await handlers.get(channel)!(appFrame, structuredClone(argument))),
  );
  return { api: apiFromEnvelopes(envelopes), close: () => client.close() };
});
