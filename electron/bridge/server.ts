import { timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ErrorCode, KbApi, KbErrorData, KbEventListener, KbMethod, Unsubscribe } from '../common/index.js';
import { MAX_ATTACHMENT_BYTES } from '../common/index.js';
import { CONTENT_SECURITY_POLICY } from '../common/csp.js';
import { dispatch } from '../core/dispatch.js';
import { EventStreams } from './eventStreams.js';
import { TokenHandOver } from './handOver.js';

export interface BridgeOptions {
  api: KbApi;
  /** The built renderer (dist/renderer); absent, only the API is served. */
  staticDir: string | null;
  port?: number;
  /** Fixed only in tests; otherwise a fresh secret per launch. */
  token?: string;
  /** Called when a one-time link was used twice (so someone else had it) and the token was replaced. */
  onLinkReused?: () => void;
  /** The core's push events (core.events.subscribe), streamed at EVENTS_PATH; absent, no events are served. */
  events?: (listener: KbEventListener) => Unsubscribe;
  /** At most this many event streams at once (MAX_EVENT_STREAMS unless given). */
  maxEventStreams?: number;
}

export interface Bridge {
  /** The app's address; it carries no secret. */
  url: string;
  port: number;
  /** The token API calls carry now (replaced when a one-time link is used twice). */
  readonly token: string;
  /** A one-time link that opens the app: its nonce is traded once for the token (see TokenHandOver). */
  openLink(): string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-kb-token';
/** Where a page trades a one-time link's nonce for the token. */
export const SESSION_PATH = '/session';
/** Server-Sent Events: GET with ?ticket=…, a ticket from POST EVENTS_TICKET_PATH with the token. */
export const EVENTS_PATH = '/events';
export const EVENTS_TICKET_PATH = '/events/ticket';
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** An attachment from the browser arrives as base64 in JSON: a 50 MB file is about 67 MB of body. */
export const MAX_ATTACHMENT_BODY_BYTES = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 64 * 1024;
/** Methods whose argument may be larger than MAX_BODY_BYTES (the token and Origin checks are the same). */
/** A /session body holds one nonce. */
const SESSION_BODY_BYTES = 4 * 1024;
const BODY_LIMITS: Partial<Record<KbMethod, number>> = { addAttachment: MAX_ATTACHMENT_BODY_BYTES };
const HOST = '127.0.0.1';

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_METHOD: 404,
  PAYLOAD_TOO_LARGE: 413,
  LOCKED: 423,
  PASSPHRASE_REQUIRED: 423,
  WRONG_PASSPHRASE: 403,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Serves the renderer and `POST /api/<method>` on 127.0.0.1 only. API calls need the per-launch
 * token, and requests naming another Host (DNS rebinding) or Origin are refused.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const streams = options.events
    ? new EventStreams({
        subscribe: options.events,
        ...(options.maxEventStreams ? { maxStreams: options.maxEventStreams } : {}),
      })
    : null;
  // A link used twice replaces the token: the streams opened with the old one end with it.
  const handOver = new TokenHandOver(options.token, () => {
    streams?.endAll();
    options.onLinkReused?.();
  });
  let port = 0;
  const server: Server = createServer((request, response) => {
    handle(request, response, options, { handOver, streams }, port).catch(() =>
      sendError(response, 500, { code: 'INTERNAL', message: 'Internal error' }),
    );
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  return {
    url,
    port,
    get token() {
      return handOver.current();
    },
    openLink: () => `${url}#nonce=${handOver.issue()}`,
    close: () => {
      streams?.endAll();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

interface BridgeState {
  handOver: TokenHandOver;
  streams: EventStreams | null;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: BridgeOptions,
  { handOver, streams }: BridgeState,
  port: number,
): Promise<void> {
  const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(request.headers.host ?? ''))
    return sendError(response, 403, { code: 'FORBIDDEN', message: 'Bridge: foreign Host header refused' });
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.map((host) => `http://${host}`).includes(origin)) {
    return sendError(response, 403, { code: 'FORBIDDEN', message: 'Bridge: foreign Origin refused' });
  }
  const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
  if (url.pathname === SESSION_PATH) return handleSession(request, response, handOver);
  if (url.pathname === EVENTS_TICKET_PATH || url.pathname === EVENTS_PATH)
    return handleEvents(request, response, streams, handOver.current(), url);
  if (url.pathname.startsWith('/api/'))
    return handleApi(request, response, options.api, handOver.current(), url.pathname.slice(5));
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendError(response, 405, { code: 'INVALID_INPUT', message: 'Bridge: only GET for files' });
  return serveFile(response, options.staticDir, url.pathname);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  api: KbApi,
  token: string,
  method: string,
): Promise<void> {
  if (request.method !== 'POST')
    return sendError(response, 405, { code: 'INVALID_INPUT', message: 'Bridge: API calls use POST' });
  if (!hasToken(request, token)) return refuseToken(response);
  const limit = (Object.hasOwn(BODY_LIMITS, method) ? BODY_LIMITS[method as KbMethod] : undefined) ?? MAX_BODY_BYTES;
  const body = await readBody(request, limit);
  if (body === null)
    return sendError(response, 413, { code: 'PAYLOAD_TOO_LARGE', message: `Bridge: request body over ${limit} bytes` });
  let argument: unknown;
  try {
    argument = body.length === 0 ? undefined : JSON.parse(body);
  } catch {
    return sendError(response, 400, { code: 'INVALID_INPUT', message: 'Bridge: request body is not valid JSON' });
  }
  const envelope = await dispatch(api, method, argument);
  const status = envelope.ok ? 200 : (STATUS_OF[envelope.error.code] ?? 500);
  sendJson(response, status, envelope);
}

/** `POST /session` with `{ "nonce": … }`: trades a one-time link's nonce for the token, once. */
async function handleSession(
  request: IncomingMessage,
  response: ServerResponse,
  handOver: TokenHandOver,
): Promise<void> {
  if (request.method !== 'POST')
    return sendError(response, 405, { code: 'INVALID_INPUT', message: 'Bridge: /session takes POST' });
  const body = await readBody(request, SESSION_BODY_BYTES);
  let nonce: unknown;
  try {
    nonce = (JSON.parse(body ?? '') as { nonce?: unknown } | null)?.nonce;
  } catch {
    return sendError(response, 400, { code: 'INVALID_INPUT', message: 'Bridge: request body is not valid JSON' });
  }
  const exchange = handOver.exchange(nonce);
  if ('token' in exchange) return sendJson(response, 200, { ok: true, value: { token: exchange.token } });
  const message =
    exchange.refused === 'reused'
      ? 'Bridge: this one-time link was already used, so someone else may have had it; every session was ended. Open the new link seller-kb web printed.'
      : 'Bridge: this link is not valid (a one-time link works once); open the link seller-kb web printed, or run it again.';
  sendError(response, 401, { code: 'UNAUTHORIZED', message });
}

/**
 * `POST /events/ticket` (token in its header, as for API calls) gives a one-time ticket;
 * `GET /events?ticket=…` spends it and streams the core's event envelopes (see EventStreams).
 */
function handleEvents(
  request: IncomingMessage,
  response: ServerResponse,
  streams: EventStreams | null,
  token: string,
  url: URL,
): void {
  if (!streams) return sendError(response, 404, { code: 'NOT_FOUND', message: 'Bridge: this bridge serves no events' });
  if (url.pathname === EVENTS_TICKET_PATH) {
    if (request.method !== 'POST')
      return sendError(response, 405, { code: 'INVALID_INPUT', message: 'Bridge: /events/ticket takes POST' });
    if (!hasToken(request, token)) return refuseToken(response);
    request.resume();
    return sendJson(response, 200, { ok: true, value: { ticket: streams.issueTicket() } });
  }
  if (request.method !== 'GET')
    return sendError(response, 405, { code: 'INVALID_INPUT', message: 'Bridge: /events takes GET' });
  if (!streams.redeem(url.searchParams.get('ticket'))) {
    return sendError(response, 401, {
      code: 'UNAUTHORIZED',
      message: 'Bridge: missing, used or expired event ticket (POST /events/ticket with the token for a new one)',
    });
  }
  if (!streams.hasRoom())
    return sendError(response, 503, {
      code: 'CONFLICT',
      message: 'Bridge: too many event streams are open; close another tab of Seller KB',
    });
  streams.stream(response, SECURITY_HEADERS);
}

/** The one token check of every door into the core over HTTP (API calls and event tickets). */
function hasToken(request: IncomingMessage, token: string): boolean {
  return sameSecret(request.headers[TOKEN_HEADER], token);
}

function refuseToken(response: ServerResponse): void {
  sendError(response, 401, { code: 'UNAUTHORIZED', message: 'Bridge: missing or wrong token' });
}

function sameSecret(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null once it passes the limit (the rest is drained, not buffered). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(request.headers['content-length'] ?? 0) > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function serveFile(response: ServerResponse, staticDir: string | null, pathname: string): void {
  if (!staticDir)
    return sendError(response, 404, { code: 'NOT_FOUND', message: 'Bridge: no renderer is built (npm run build)' });
  const root = resolve(staticDir);
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return sendError(response, 400, { code: 'INVALID_INPUT', message: 'Bridge: malformed path' });
  }
  const file = resolve(join(root, relativePath));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    return sendError(response, 404, { code: 'NOT_FOUND', message: `Bridge: ${pathname} not found` });
  }
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(payload));
}

function sendError(response: ServerResponse, status: number, error: KbErrorData): void {
  sendJson(response, status, { ok: false, error });
}
