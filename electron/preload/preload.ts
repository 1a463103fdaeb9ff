import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Envelope, KbApi } from '../common/index.js';
import { apiFromCall, errorForCrossing, ipcChannel } from '../common/index.js';

/** window.kb: one function per contract method, each one IPC call; nothing of ipcRenderer leaks. */
export function buildKbApi(invoke: (channel: string, argument: unknown) => Promise<unknown>): KbApi {
  return apiFromCall(async (method, argument) => {
    const envelope = (await invoke(ipcChannel(method), argument)) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw errorForCrossing(envelope.error);
  });
}

contextBridge.exposeInMainWorld('kb', buildKbApi((channel, argument) => ipcRenderer.invoke(channel, argument)) satisfies KbApi);
// Evidence vault: the path of a file the user dropped or picked, so the core reads it (and checks its size) itself.
contextBridge.exposeInMainWorld('kbFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
