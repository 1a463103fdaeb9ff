import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopKb, Envelope, KbEnvelopeApi, KbEvents, KbMethod } from '../common/index.js';
import {
  brokenCallEnvelope,
  createEventHub,
  EVENTS_CHANNEL,
  eventsFromSubscribe,
  ipcChannel,
  isKbEventEnvelope,
  KB_METHODS,
} from '../common/index.js';

/**
 * window.kb's methods: one IPC call each, answering with the main process's envelope as it came
 * (errors keep their code and details as data). A call that cannot reach the core answers with an
 * INTERNAL envelope too, so window.kb never rejects.
 */
export function buildEnvelopeApi(invoke: (channel: string, argument: unknown) => Promise<unknown>): KbEnvelopeApi {
  const api: Partial<Record<KbMethod, (argument?: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const method of KB_METHODS) {
    api[method] = (argument?: unknown) =>
      invoke(ipcChannel(method), argument).then(
        (envelope) => envelope as Envelope<unknown>,
        (error: unknown) => brokenCallEnvelope(method, error),
      );
  }
  return api as KbEnvelopeApi;
}

/**
 * window.kb's events: one ipcRenderer listener on the one channel, shared by every subscriber.
 * Listeners get the payload only, never Electron's event object (which would reach ipcRenderer).
 */
export function buildEvents(
  on: (channel: string, handler: (event: unknown, envelope: unknown) => void) => void,
): KbEvents {
  const hub = createEventHub();
  on(EVENTS_CHANNEL, (_event, envelope) => {
    if (isKbEventEnvelope(envelope)) hub.publish(envelope);
  });
  return eventsFromSubscribe((listener) => hub.subscribe(listener));
}

/** Everything window.kb holds: plain functions, nothing of ipcRenderer. */
export function buildDesktopKb(
  invoke: (channel: string, argument: unknown) => Promise<unknown>,
  on: (channel: string, handler: (event: unknown, envelope: unknown) => void) => void,
): DesktopKb {
  return { ...buildEnvelopeApi(invoke), ...buildEvents(on) };
}

contextBridge.exposeInMainWorld(
  'kb',
  buildDesktopKb(
    (channel, argument) => ipcRenderer.invoke(channel, argument),
    (channel, handler) => void ipcRenderer.on(channel, handler),
  ),
);
// Evidence vault: the path of a file the user dropped or picked, so the core reads it (and checks its size) itself.
contextBridge.exposeInMainWorld('kbFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
