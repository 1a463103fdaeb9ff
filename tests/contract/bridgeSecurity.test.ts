import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let core: Core;
let bridge: Bridge;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be forged like an attacker's page would. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'POST',
        headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const errorCode = (reply: Reply) => (JSON.parse(reply.body) as { error: { code: string } }).error.code;

beforeAll(async () => {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  core = await openTestCore(tempDir());
  bridge = await startBridge({ api: core, staticDir });
});

afterAll(async () => {
  await bridge.close();
  core.close();
});

describe('the web bridge', () => {
  it('has a loopback URL that carries no secret, and one-time links that carry a nonce, not the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
    const link = bridge.openLink();
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/#nonce=[A-Za-z0-9_-]{32}$`));
    expect(link).not.toContain(bridge.token);
    expect(bridge.openLink()).not.toBe(link);
  });

  it('trades a one-time link’s nonce for the token exactly once', async () => {
    const nonce = bridge.openLink().split('#nonce=')[1]!;
    const first = await send('/session', { body: JSON.stringify({ nonce }) });
    expect(first.status).toBe(200);
    const token = (JSON.parse(first.body) as { value: { token: string } }).value.token;
    expect(token).toBe(bridge.token);
    expect((await send('/api/listCases', { headers: { [TOKEN_HEADER]: token } })).status).toBe(200);
    for (const wrong of [{ nonce: 'x'.repeat(32) }, { nonce: 42 }, null]) {
      const refused = await send('/session', { body: JSON.stringify(wrong) });
      expect([refused.status, errorCode(refused)]).toEqual([401, 'UNAUTHORIZED']);
    }
    const foreign = await send('/session', {
      body: JSON.stringify({ nonce: bridge.openLink().split('#nonce=')[1] }),
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('ends every session when a nonce is presented twice, since someone else had it', async () => {
    const nonce = bridge.openLink().split('#nonce=')[1]!;
    const printed = bridge.openLink().split('#nonce=')[1]!;
    const first = await send('/session', { body: JSON.stringify({ nonce }) });
    const taken = (JSON.parse(first.body) as { value: { token: string } }).value.token;
    const second = await send('/session', { body: JSON.stringify({ nonce }) });
    expect([second.status, JSON.parse(second.body).error.message]).toEqual([
      401,
      expect.stringContaining('already used'),
    ]);
    expect(
      (await send('/api/listCases', { headers: { [TOKEN_HEADER]: taken } })).status,
      'the first taker lost access',
    ).toBe(401);
    const fresh = await send('/session', { body: JSON.stringify({ nonce: printed }) });
    const token = (JSON.parse(fresh.body) as { value: { token: string } }).value.token;
    expect(token).not.toBe(taken);
    expect((await send('/api/listCases', { headers: { [TOKEN_HEADER]: token } })).status).toBe(200);
  });

  it('answers a call with the right token', async () => {
    const reply = await send('/api/getLibraryInfo', { headers: { [TOKEN_HEADER]: bridge.token } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).ok).toBe(true);
  });

  it('refuses a call without the token or with a wrong one (401)', async () => {
    expect((await send('/api/listCases')).status).toBe(401);
    const wrong = await send('/api/listCases', { headers: { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) } });
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('UNAUTHORIZED');
  });

  it('refuses a foreign Origin even with the token (403)', async () => {
    const reply = await send('/api/listCases', {
      headers: { [TOKEN_HEADER]: bridge.token, origin: 'https://evil.example' },
    });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('FORBIDDEN');
  });

  it('refuses a foreign Host, as a DNS-rebinding page would send (403)', async () => {
    const reply = await send('/api/listCases', {
      headers: { [TOKEN_HEADER]: bridge.token, host: `evil.example:${bridge.port}` },
    });
    expect(reply.status).toBe(403);
    expect((await send('/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses unknown methods, malformed JSON and oversized bodies with clear codes', async () => {
    const headers = { [TOKEN_HEADER]: bridge.token };
    const unknown = await send('/api/dropDatabase', { headers });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'UNKNOWN_METHOD']);
    const malformed = await send('/api/search', { headers, body: '{"text":' });
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'INVALID_INPUT']);
    const huge = await send('/api/search', { headers, body: Buffer.alloc(MAX_BODY_BYTES + 1, 32) });
    expect([huge.status, errorCode(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const inherited = await send('/api/constructor', { headers });
    expect(errorCode(inherited)).toBe('UNKNOWN_METHOD');
  });

  it('serves the renderer with a strict Content-Security-Policy and no files outside it', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/../package.json', { method: 'GET' })).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/package.json', { method: 'GET' })).status).toBe(404);
  });
});
