import type { CoreProcessOptions, FromCoreMessage } from '../common/coreProcess.js';
import type { Envelope } from '../common/index.js';
import { KbError } from '../common/index.js';
import { isToCoreMessage } from '../common/coreProcess.js';
import { createCore, type Core } from '../core/createCore.js';
import { deferredApi } from '../core/deferredApi.js';
import { dispatch } from '../core/dispatch.js';

/** The core process's end of its channel to main: Electron's process.parentPort has this shape. */
export interface ParentChannel {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: FromCoreMessage): void;
}

/** How the process ends once the core is closed (process.exit in the real one). */
export type ExitProcess = (code: number) => void;

/**
 * The core in its own process: opens it with `options`, answers each call from main with its
 * envelope (calls that arrive while the core loads wait for it), posts every push event, and asks
 * main to open files in the system's viewer. A `close` closes the notebook and the folder cache
 * and ends the process.
 */
export function serveCore(channel: ParentChannel, options: CoreProcessOptions, exit: ExitProcess): void {
  const openFiles = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextOpenId = 1;
  const openFile = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const id = nextOpenId++;
      openFiles.set(id, { resolve, reject });
      channel.postMessage({ kind: 'openFile', id, path });
    });

  const ready: Promise<Core> = createCore({ ...options, openFile });
  const api = deferredApi(ready);
  let core: Core | null = null;
  let closing = false;
  let failed = false;
  ready.then(
    (opened) => {
      core = opened;
      opened.events.subscribe((envelope) => channel.postMessage({ kind: 'event', envelope }));
      channel.postMessage({ kind: 'ready' });
      if (closing) close();
    },
    (error: unknown) => {
      // The process stays until main, told why, closes it (so the message is not lost with the process).
      failed = true;
      channel.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (closing) exit(1);
    },
  );

  const close = () => {
    closing = true;
    if (failed) exit(1);
    if (!core) return; // closes as soon as it has opened
    core.close();
    for (const pending of openFiles.values())
      pending.reject(new KbError('INTERNAL', 'Attachments: Seller KB is closing'));
    // Let the folder loader's threads and the notebook's last writes end first.
    setImmediate(() => exit(0));
  };

  // An answer that cannot be cloned still answers: main must never wait for a reply that is not coming.
  const reply = (id: number, method: string, envelope: Envelope<unknown>) => {
    try {
      channel.postMessage({ kind: 'reply', id, envelope });
    } catch (error) {
      console.error(`Seller KB core: the answer to ${method} could not be sent:`, error);
      channel.postMessage({
        kind: 'reply',
        id,
        envelope: {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Seller KB core: the answer to ${method} could not be sent to the window`,
          },
        },
      });
    }
  };

  channel.on('message', ({ data }) => {
    if (!isToCoreMessage(data)) {
      console.error('Seller KB core: ignored a message that is not part of the protocol:', data);
      return;
    }
    if (data.kind === 'call') {
      const { id, method, argument } = data;
      void dispatch(api, method, argument).then((envelope) => reply(id, method, envelope));
    } else if (data.kind === 'openFileDone') {
      const pending = openFiles.get(data.id);
      openFiles.delete(data.id);
      if (data.problem === null) pending?.resolve();
      // Main's words reach the window (a plain Error would become "Internal error").
      else pending?.reject(new KbError('INTERNAL', data.problem));
    } else {
      close();
    }
  });
}
