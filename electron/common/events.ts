/**
 * The contract's push events: what the core tells every open window without being asked. KbApi
 * stays request/response; KbEvents is the small subscribe-only half. Every door carries the same
 * envelope, `{ event, payload }`, on one channel (IPC) or one stream (the bridge's /events).
 */
import type { DueDeadline } from './caseFile.js';
import type { LibraryInfo } from './content.js';
import type { Envelope, KbErrorData } from './errors.js';
import type { KbApi, KbArgument, KbMethod, KbResult } from './api.js';
import { apiFromCall } from './api.js';
import { unwrapEnvelope } from './errors.js';

/** Each event's name and its payload. */
export interface KbEventPayloads {
  /** User folders were added, removed, restored at unlock or reloaded by the folder watcher. */
  libraryChanged: LibraryInfo;
  /** Deadlines that became due (today or overdue) since the last look; each is sent once per date. */
  due: DueDeadline[];
}

export type KbEventName = keyof KbEventPayloads;

export const KB_EVENT_NAMES = ['libraryChanged', 'due'] as const satisfies readonly KbEventName[];

/** What crosses every door for one event. */
export type KbEventEnvelope = { [E in KbEventName]: { event: E; payload: KbEventPayloads[E] } }[KbEventName];

export type Unsubscribe = () => void;
export type KbEventListener = (envelope: KbEventEnvelope) => void;

/** The subscribe half of the contract; each `on…` returns the function that ends the subscription. */
export interface KbEvents {
  onLibraryChanged(listener: (info: LibraryInfo) => void): Unsubscribe;
  onDue(listener: (due: DueDeadline[]) => void): Unsubscribe;
}

/** The IPC channel every event travels on (main → windows). */
export const EVENTS_CHANNEL = 'kb:events';

/**
 * KbEvents over one envelope stream: the one loop the core, the preload and the web client build
 * on, as apiFromCall is for calls.
 */
export function eventsFromSubscribe(subscribe: (listener: KbEventListener) => Unsubscribe): KbEvents {
  const on =
    <E extends KbEventName>(name: E) =>
    (listener: (payload: KbEventPayloads[E]) => void): Unsubscribe =>
      subscribe((envelope) => {
        if (envelope.event === name) listener(envelope.payload as KbEventPayloads[E]);
      });
  return { onLibraryChanged: on('libraryChanged'), onDue: on('due') };
}

/** A set of envelope listeners: the one piece of subscribe/publish that the core, the preload and the web client share. */
export interface EventHub {
  /** Adds a listener; the returned function removes it (the same function subscribed twice is two subscriptions). */
  subscribe(listener: KbEventListener): Unsubscribe;
  /** Hands the envelope to every listener subscribed now; one that throws is reported and skipped. */
  publish(envelope: KbEventEnvelope): void;
  readonly size: number;
  clear(): void;
}

/** A new EventHub; `onSizeChange` hears each subscribe and unsubscribe (a door opens its stream at the first, closes it after the last). */
export function createEventHub(onSizeChange: (size: number) => void = () => undefined): EventHub {
  const listeners = new Set<KbEventListener>();
  return {
    subscribe(listener) {
      const entry: KbEventListener = (envelope) => listener(envelope);
      listeners.add(entry);
      onSizeChange(listeners.size);
      return () => {
        if (listeners.delete(entry)) onSizeChange(listeners.size);
      };
    },
    publish(envelope) {
      for (const listener of [...listeners]) {
        try {
          listener(envelope);
        } catch (error) {
          console.error(`seller-kb: a listener of ${envelope.event} failed:`, error);
        }
      }
    },
    get size() {
      return listeners.size;
    },
    clear() {
      listeners.clear();
      onSizeChange(0);
    },
  };
}

/** True for an envelope a door may pass on (data from IPC or the network is checked once, here). */
export function isKbEventEnvelope(value: unknown): value is KbEventEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { event, payload } = value as { event?: unknown; payload?: unknown };
  if (!(KB_EVENT_NAMES as readonly unknown[]).includes(event)) return false;
  return event === 'due'
    ? Array.isArray(payload)
    : typeof payload === 'object' && payload !== null && !Array.isArray(payload);
}

/**
 * window.kb in the desktop app: every contract method answering with its envelope (so an error's
 * code and details cross the preload as data, not packed into a message), plus the events.
 */
export type KbEnvelopeApi = { [M in KbMethod]: (argument?: KbArgument<M>) => Promise<Envelope<KbResult<M>>> };
export type DesktopKb = KbEnvelopeApi & KbEvents;

/** The contract over envelope-answering methods: a value resolves, an error rejects as a KbError with its code. */
export function apiFromEnvelopes(envelopes: KbEnvelopeApi): KbApi {
  return apiFromCall(async (method, argument) =>
    unwrapEnvelope(await (envelopes[method] as (argument?: unknown) => Promise<Envelope<unknown>>)(argument)),
  );
}

/** The envelope of a call that failed before it reached the core (the channel itself broke). */
export function brokenCallEnvelope(method: KbMethod, error: unknown): { ok: false; error: KbErrorData } {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message: `IPC: ${method} did not reach the core (${reason})` } };
}
