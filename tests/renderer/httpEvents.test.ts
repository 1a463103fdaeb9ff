// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LibraryInfo } from '../../electron/common/index.js';
import { createHttpEvents } from '../../renderer/src/api/httpEvents.js';

/** A stand-in EventSource that records what was opened; the test plays the server. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
}

const info: LibraryInfo = { articleCount: 1, categories: [], problems: [], userFolders: [] };

function client() {
  FakeEventSource.opened = [];
  const tickets: { token: string | null }[] = [];
  const waits: { ms: number; run: () => void }[] = [];
  let issued = 0;
  const fetchImpl = (async (_input: unknown, init?: RequestInit) => {
    tickets.push({ token: new Headers(init?.headers).get('x-kb-token') });
    return new Response(JSON.stringify({ ok: true, value: { ticket: `ticket-${++issued}` } }));
  }) as typeof fetch;
  const events = createHttpEvents(Promise.resolve('the-token'), {
    fetchImpl,
    EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    later: (run, ms) => {
      const wait = { ms, run };
      waits.push(wait);
      return () => waits.splice(waits.indexOf(wait), 1);
    },
  });
  /** Resolves once the client has opened its n-th stream. */
  const opened = async (n: number) => {
    await expect.poll(() => FakeEventSource.opened.length).toBe(n);
    return FakeEventSource.opened[n - 1]!;
  };
  return { events, tickets, waits, opened };
}

describe('the web client’s push events', () => {
  it('opens one stream at the first subscriber with a ticket got with the token, the token itself in no URL', async () => {
    const { events, tickets, opened } = client();
    const heard: LibraryInfo[] = [];
    events.onLibraryChanged((payload) => heard.push(payload));
    events.onDue(() => undefined);
    const source = await opened(1);
    expect(tickets).toEqual([{ token: 'the-token' }]);
    expect(source.url).toBe('/events?ticket=ticket-1');
    source.onmessage!({ data: JSON.stringify({ event: 'libraryChanged', payload: info }) });
    source.onmessage!({ data: 'not json' });
    source.onmessage!({ data: JSON.stringify({ event: 'other', payload: info }) });
    expect(heard).toEqual([info]);
  });

  it('reconnects with a new ticket after the stream breaks, waiting longer each time until one opens', async () => {
    const { events, waits, opened } = client();
    events.onDue(() => undefined);
    const first = await opened(1);
    first.onerror!();
    expect(first.closed).toBe(true);
    expect(waits.map((wait) => wait.ms)).toEqual([1000]);
    waits.shift()!.run();
    const second = await opened(2);
    expect(second.url).toBe('/events?ticket=ticket-2');
    second.onerror!();
    expect(waits.map((wait) => wait.ms)).toEqual([2000]);
    waits.shift()!.run();
    const third = await opened(3);
    third.onopen!();
    third.onerror!();
    expect(waits.map((wait) => wait.ms)).toEqual([1000]);
  });

  it('closes the stream after the last subscriber leaves, and cancels a pending reconnect', async () => {
    const { events, waits, opened } = client();
    const stopOne = events.onLibraryChanged(() => undefined);
    const stopTwo = events.onDue(() => undefined);
    const source = await opened(1);
    stopOne();
    expect(source.closed).toBe(false);
    stopTwo();
    expect(source.closed).toBe(true);
    const stopAgain = events.onDue(() => undefined);
    const next = await opened(2);
    next.onerror!();
    expect(waits).toHaveLength(1);
    stopAgain();
    expect(waits).toHaveLength(0);
  });
});
