import type { Envelope, KbEvents } from '../../../electron/common/index.js';
import {
  createEventHub,
  eventsFromSubscribe,
  isKbEventEnvelope,
  unwrapEnvelope,
} from '../../../electron/common/index.js';

/** The bridge's EVENTS_PATH and EVENTS_TICKET_PATH, and its TOKEN_HEADER. */
const EVENTS_PATH = '/events';
const TICKET_PATH = '/events/ticket';
const TOKEN_HEADER = 'x-kb-token';
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

export interface HttpEventsOptions {
  fetchImpl?: typeof fetch;
  EventSourceImpl?: typeof EventSource;
  /** Waits before a reconnect (tests pass their own). */
  later?: (run: () => void, ms: number) => () => void;
}

function laterByTimer(run: () => void, ms: number): () => void {
  const timer = window.setTimeout(run, ms);
  return () => window.clearTimeout(timer);
}

/**
 * KbEvents over the web bridge's Server-Sent Events. EventSource cannot send the token header, so
 * each connection first trades the token for a one-time ticket (POST, token in its header) and
 * opens `/events?ticket=…`; the token is never in a URL. The stream opens with the first
 * subscriber and closes after the last. When it breaks, it is opened again with a new ticket,
 * waiting 1 s, 2 s, 4 s … up to 30 s; events sent meanwhile are not replayed.
 */
export function createHttpEvents(
  token: string | null | Promise<string | null>,
  options: HttpEventsOptions = {},
): KbEvents {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const later = options.later ?? laterByTimer;
  let source: EventSource | null = null;
  let cancelRetry: (() => void) | null = null;
  let attempt = 0;
  // Bumped by every open and close, so an answer for a connection given up on is dropped.
  let generation = 0;

  const retry = () => {
    const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++);
    cancelRetry = later(() => {
      cancelRetry = null;
      void connect();
    }, wait);
  };

  const connect = async () => {
    const mine = ++generation;
    try {
      const response = await fetchImpl(TICKET_PATH, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: (await token) ?? '' },
      });
      const { ticket } = unwrapEnvelope((await response.json()) as Envelope<{ ticket: string }>);
      if (mine !== generation) return;
      const EventSourceImpl = options.EventSourceImpl ?? EventSource;
      const opened = new EventSourceImpl(`${EVENTS_PATH}?ticket=${encodeURIComponent(ticket)}`);
      source = opened;
      opened.onopen = () => (attempt = 0);
      opened.onmessage = (message: MessageEvent<unknown>) => {
        let envelope: unknown;
        try {
          envelope = JSON.parse(String(message.data));
        } catch {
          return; // Not ours to read.
        }
        if (isKbEventEnvelope(envelope)) hub.publish(envelope);
      };
      opened.onerror = () => {
        // EventSource would retry with the same ticket, which is spent: a new connection instead.
        opened.close();
        if (source !== opened) return;
        source = null;
        retry();
      };
    } catch {
      if (mine === generation) retry();
    }
  };

  const disconnect = () => {
    generation++;
    cancelRetry?.();
    cancelRetry = null;
    source?.close();
    source = null;
    attempt = 0;
  };

  const hub = createEventHub((size) => {
    if (size === 0) disconnect();
    else if (size === 1 && !source && !cancelRetry) void connect();
  });
  return eventsFromSubscribe((listener) => hub.subscribe(listener));
}
