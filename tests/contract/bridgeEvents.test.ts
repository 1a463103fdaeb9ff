import { cpSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KbEventEnvelope } from '../../electron/common/index.js';
import {
  EVENTS_PATH,
  EVENTS_TICKET_PATH,
  startBridge,
  TOKEN_HEADER,
  type Bridge,
} from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
let core: Core | null = null;
let bridge: Bridge | null = null;
const streams: IncomingMessage[] = [];

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.destroy();
  await bridge?.close();
  core?.close();
  bridge = null;
  core = null;
});

async function open(maxEventStreams?: number): Promise<{ core: Core; bridge: Bridge }> {
  core = await openTestCore(tempDir());
  const events = core.events;
  bridge = await startBridge({
    api: core,
    staticDir: null,
    events: (listener) => events.subscribe(listener),
    ...(maxEventStreams ? { maxEventStreams } : {}),
  });
  return { core, bridge };
}

/** A raw request; with `stream`, resolves at the response head and keeps the body flowing for readEvent. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; stream?: boolean } = {},
): Promise<{ status: number; body: string; response: IncomingMessage }> {
  const port = bridge!.port;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        if (options.stream && response.statusCode === 200) {
          streams.push(response);
          response.setEncoding('utf8');
          return resolve({ status: 200, body: '', response });
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), response }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function ticket(headers: Record<string, string> = {}): Promise<string> {
  const reply = await send(EVENTS_TICKET_PATH, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: bridge!.token, ...headers },
  });
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { value: { ticket: string } }).value.ticket;
}

/** The next `data:` event of a stream, parsed; resolves null when the stream ends first. */
function readEvent(response: IncomingMessage): Promise<KbEventEnvelope | null> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: string) => {
      buffered += chunk;
      const data = /^data: (.*)$/m.exec(buffered);
      if (!data) return;
      response.off('data', onData);
      resolve(JSON.parse(data[1]!) as KbEventEnvelope);
    };
    response.on('data', onData);
    response.once('end', () => resolve(null));
    response.once('close', () => resolve(null));
  });
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('the bridge’s event stream', () => {
  it('gives tickets only for the token, and only to the app’s own origin and host', async () => {
    const { bridge: opened } = await open();
    const missing = await send(EVENTS_TICKET_PATH, { method: 'POST' });
    expect([missing.status, errorCode(missing.body)]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await send(EVENTS_TICKET_PATH, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: 'x'.repeat(opened.token.length) },
    });
    expect(wrong.status).toBe(401);
    const foreignOrigin = await send(EVENTS_TICKET_PATH, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: opened.token, origin: 'http://evil.example' },
    });
    expect([foreignOrigin.status, errorCode(foreignOrigin.body)]).toEqual([403, 'FORBIDDEN']);
    const foreignHost = await send(EVENTS_TICKET_PATH, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: opened.token, host: 'evil.example' },
    });
    expect(foreignHost.status).toBe(403);
    expect((await send(EVENTS_TICKET_PATH, { headers: { [TOKEN_HEADER]: opened.token } })).status).toBe(405);
  });

  it('opens a stream only with a ticket, each ticket once, never to a foreign origin, and never with the token in the URL', async () => {
    const { bridge: opened } = await open();
    expect((await send(EVENTS_PATH)).status).toBe(401);
    expect((await send(`${EVENTS_PATH}?ticket=${encodeURIComponent(opened.token)}`)).status).toBe(401);
    const foreign = await send(`${EVENTS_PATH}?ticket=${await ticket()}`, {
      headers: { origin: 'http://evil.example' },
    });
    expect([foreign.status, errorCode(foreign.body)]).toEqual([403, 'FORBIDDEN']);
    const good = await ticket();
    const first = await send(`${EVENTS_PATH}?ticket=${good}`, { stream: true });
    expect(first.status).toBe(200);
    expect(first.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.response.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await send(`${EVENTS_PATH}?ticket=${good}`)).status).toBe(401);
  });

  it('streams a libraryChanged envelope when a real folder is added', async () => {
    const { core: opened } = await open();
    const stream = await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true });
    const event = readEvent(stream.response);
    const folder = tempDir();
    cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
    const info = await opened.addUserFolder({ path: folder });
    const envelope = await event;
    expect(envelope).toEqual({ event: 'libraryChanged', payload: info });
    expect(envelope?.event === 'libraryChanged' && envelope.payload.userFolders.map((entry) => entry.path)).toEqual([
      folder,
    ]);
  });

  it('refuses a stream beyond the cap, and has room again once one closes', async () => {
    const { core: opened } = await open(2);
    const first = await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true });
    await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true });
    const third = await send(`${EVENTS_PATH}?ticket=${await ticket()}`);
    expect([third.status, errorCode(third.body)]).toEqual([503, 'CONFLICT']);
    // The server sees the first stream close when its subscription ends: then a new one fits.
    const before = (opened.events as unknown as { listenerCount: number }).listenerCount;
    const closed = new Promise<void>((resolve) => first.response.once('close', () => resolve()));
    first.response.destroy();
    await closed;
    await expect.poll(() => (opened.events as unknown as { listenerCount: number }).listenerCount).toBe(before - 1);
    expect((await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true })).status).toBe(200);
  });

  it('ends every stream when the bridge closes, and when a reused link replaces the token', async () => {
    const { bridge: opened } = await open();
    const stream = await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true });
    const ended = readEvent(stream.response);
    const nonce = opened.openLink().split('#nonce=')[1]!;
    const body = JSON.stringify({ nonce });
    for (let attempt = 0; attempt < 2; attempt++) {
      await new Promise<void>((resolve, reject) => {
        const outgoing = request(
          {
            host: '127.0.0.1',
            port: opened.port,
            path: '/session',
            method: 'POST',
            headers: { host: `127.0.0.1:${opened.port}`, 'content-type': 'application/json' },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve());
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    }
    expect(await ended).toBeNull();
    const next = await send(`${EVENTS_PATH}?ticket=${await ticket()}`, { stream: true });
    const closedWithBridge = readEvent(next.response);
    await opened.close();
    bridge = null;
    expect(await closedWithBridge).toBeNull();
  });
});
