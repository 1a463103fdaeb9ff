import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { KbEventListener, Unsubscribe } from '../common/index.js';

export interface EventStreamOptions {
  /** The core's envelope stream (core.events.subscribe). */
  subscribe: (listener: KbEventListener) => Unsubscribe;
  /** Streams open at once; one more is refused (a tab per stream: more than this is no person reading). */
  maxStreams?: number;
  /** A comment line this often, so nothing between closes a quiet stream. */
  heartbeatMs?: number;
  /** How long a ticket may wait for its stream. */
  ticketMs?: number;
  now?: () => number;
}

export const MAX_EVENT_STREAMS = 8;
const HEARTBEAT_MS = 25_000;
const TICKET_MS = 30_000;
/** Tickets asked for and never used are forgotten beyond this many. */
const MAX_PENDING_TICKETS = 32;

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // Proxies and compressors must pass each event on at once.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/**
 * The bridge's Server-Sent Events. EventSource sends no headers, so the token cannot come with the
 * stream: a page that has the token asks (POST, token in its header, checked like every API call)
 * for a ticket, a random one-time value good for 30 s, and opens `/events?ticket=…` with it. The
 * token itself is never in a URL; a ticket seen in one is spent already.
 */
export class EventStreams {
  private readonly tickets = new Map<string, number>();
  private readonly open = new Set<{ response: ServerResponse; end: () => void }>();
  private readonly now: () => number;

  constructor(private readonly options: EventStreamOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A new ticket for one stream. */
  issueTicket(): string {
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, this.now() + (this.options.ticketMs ?? TICKET_MS));
    for (const old of this.tickets.keys()) {
      if (this.tickets.size <= MAX_PENDING_TICKETS) break;
      this.tickets.delete(old);
    }
    return ticket;
  }

  /** Spends a ticket: true when it was issued, not used yet and not expired. */
  redeem(ticket: string | null): boolean {
    if (ticket === null) return false;
    const expires = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return expires !== undefined && expires >= this.now();
  }

  /** True while another stream may open. */
  hasRoom(): boolean {
    return this.open.size < (this.options.maxStreams ?? MAX_EVENT_STREAMS);
  }

  get size(): number {
    return this.open.size;
  }

  /** Streams every event to `response` as `data: <envelope>` until the client goes or end() is called. */
  stream(response: ServerResponse, headers: Record<string, string>): void {
    response.writeHead(200, { ...headers, ...EVENT_STREAM_HEADERS });
    // A first comment opens the stream at once (EventSource fires "open"). Reconnects are the
    // client's: a ticket is spent, so it asks for a new one (see httpEvents.ts).
    response.write(': seller-kb events\n\n');
    const unsubscribe = this.options.subscribe((envelope) => response.write(`data: ${JSON.stringify(envelope)}\n\n`));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), this.options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    const entry = {
      response,
      end: () => {
        if (!this.open.delete(entry)) return;
        clearInterval(heartbeat);
        unsubscribe();
        response.end();
      },
    };
    this.open.add(entry);
    response.on('close', entry.end);
  }

  /** Ends every stream and forgets every ticket (the bridge closes, or the token was replaced). */
  endAll(): void {
    this.tickets.clear();
    for (const entry of [...this.open]) entry.end();
  }
}
