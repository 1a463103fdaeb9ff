import type { FromCoreMessage, ToCoreMessage } from '../common/coreProcess.js';
import { isFromCoreMessage } from '../common/coreProcess.js';
import type { Envelope, KbApi, KbEventListener, KbMethod, Unsubscribe } from '../common/index.js';
import { apiFromCall, createEventHub, unwrapEnvelope } from '../common/index.js';

/** The part of Electron's UtilityProcess that main uses to talk to the core's process. */
export interface CoreChild {
  postMessage(message: ToCoreMessage): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreClientOptions {
  /** Starts the core's process (utilityProcess.fork in the app); called again once if it ends unexpectedly. */
  start: () => CoreChild;
  /** Opens a file in the system's viewer (shell.openPath); rejects with what went wrong. */
  openFile: (path: string) => Promise<void>;
  /** The core's process ended unexpectedly and is being started again (once): tell the user. */
  onRestart?: (exitCode: number) => void;
  /** The core could not start, or ended unexpectedly a second time: calls fail from now on. */
  onFailure?: (message: string) => void;
}

/** Main's handle on the core running in its own process. */
export interface CoreClient {
  /** The contract, answered by the core's process; calls made while it starts wait for it. */
  readonly api: KbApi;
  /** The core's push events, as envelopes. */
  subscribe(listener: KbEventListener): Unsubscribe;
  /** Resolves once the core has opened the library and the notebook; rejects if it could not. */
  readonly ready: Promise<void>;
  /** Asks the core to close the notebook and the folder cache, and waits for its process to end (killing it after `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5_000;

interface PendingCall {
  method: KbMethod;
  answer: (envelope: Envelope<unknown>) => void;
}

const internal = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

/**
 * Starts the core's process and speaks the protocol of common/coreProcess.ts with it: one pending
 * call per id, answered by its reply; if the process ends unexpectedly, every call it had not
 * answered fails with an INTERNAL error saying so, and the process is started again once.
 */
export function startCoreClient(options: CoreClientOptions): CoreClient {
  const pending = new Map<number, PendingCall>();
  const hub = createEventHub();
  let nextId = 1;
  let child: CoreChild;
  /** Calls wait here until the process says it is ready (its message listener is attached then). */
  let queued: ToCoreMessage[] = [];
  let isReady = false;
  /** False once the current process has ended. */
  let alive = false;
  let restarts = 0;
  let stopped: string | null = null;
  let closing: { done: () => void } | null = null;
  let closed: Promise<void> | null = null;
  let settleFirstStart: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settleFirstStart = { resolve, reject }));
  // A failed start is reported through onFailure; `ready` only tells whoever waits on it.
  ready.catch(() => undefined);

  const send = (message: ToCoreMessage) => {
    if (isReady) child.postMessage(message);
    else queued.push(message);
  };

  const failPending = (message: string) => {
    for (const [id, call] of pending) {
      pending.delete(id);
      call.answer(internal(`${message} (while answering ${call.method})`));
    }
  };

  const stop = (message: string) => {
    stopped = message;
    queued = [];
    failPending(message);
    settleFirstStart?.reject(new Error(message));
    settleFirstStart = null;
    options.onFailure?.(message);
  };

  const receive = (owner: CoreChild, message: FromCoreMessage) => {
    switch (message.kind) {
      case 'ready':
        isReady = true;
        for (const waiting of queued.splice(0)) owner.postMessage(waiting);
        settleFirstStart?.resolve();
        settleFirstStart = null;
        return;
      case 'failed':
        stop(`Seller KB core: the core could not start: ${message.message}`);
        return;
      case 'reply': {
        const call = pending.get(message.id);
        pending.delete(message.id);
        call?.answer(message.envelope);
        return;
      }
      case 'event':
        hub.publish(message.envelope);
        return;
      case 'openFile':
        options.openFile(message.path).then(
          () => owner.postMessage({ kind: 'openFileDone', id: message.id, problem: null }),
          (error: unknown) =>
            owner.postMessage({
              kind: 'openFileDone',
              id: message.id,
              problem: error instanceof Error ? error.message : String(error),
            }),
        );
    }
  };

  const launch = () => {
    isReady = false;
    alive = true;
    const started = options.start();
    child = started;
    started.on('message', (message) => {
      if (started !== child) return;
      if (isFromCoreMessage(message)) receive(started, message);
      else console.error('Seller KB: ignored a message from the core process that is not part of the protocol');
    });
    started.on('exit', (code) => {
      if (started !== child) return;
      isReady = false;
      alive = false;
      if (closing) {
        failPending('Seller KB core: the core was closed as Seller KB quit');
        closing.done();
        return;
      }
      if (stopped) {
        failPending(stopped);
        return;
      }
      if (restarts === 0) {
        restarts += 1;
        // Calls still waiting to be sent failed with the rest: they must not run in the new process.
        queued = [];
        failPending(
          `Seller KB core: the core's process ended unexpectedly (exit code ${code}) and is being started again`,
        );
        launch();
        options.onRestart?.(code);
        return;
      }
      stop(
        `Seller KB core: the core's process ended unexpectedly again (exit code ${code}); quit Seller KB and open it again`,
      );
    });
  };

  const call = (method: KbMethod, argument: unknown): Promise<Envelope<unknown>> => {
    if (stopped) return Promise.resolve(internal(`${stopped} (${method} was not sent)`));
    if (closing)
      return Promise.resolve(
        internal(`Seller KB core: the core is closing as Seller KB quits (${method} was not sent)`),
      );
    const id = nextId++;
    return new Promise((answer) => {
      pending.set(id, { method, answer });
      send({ kind: 'call', id, method, argument });
    });
  };

  launch();
  return {
    api: apiFromCall(async (method, argument) => unwrapEnvelope(await call(method, argument))),
    subscribe: (listener) => hub.subscribe(listener),
    ready,
    close(timeoutMs = CLOSE_TIMEOUT_MS) {
      if (closed) return closed;
      closed = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // It did not end in time: ended now, and the quit goes on.
          child.kill();
          closing?.done();
        }, timeoutMs);
        closing = {
          done: () => {
            clearTimeout(timer);
            hub.clear();
            resolve();
          },
        };
        if (!alive) {
          closing.done();
          return;
        }
        // Sent even before `ready`: the core's process closes as soon as it has opened.
        try {
          child.postMessage({ kind: 'close' });
        } catch {
          child.kill();
        }
      });
      return closed;
    },
  };
}
