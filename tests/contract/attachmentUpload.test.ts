import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_ATTACHMENT_BODY_BYTES,
  MAX_BODY_BYTES,
  startBridge,
  TOKEN_HEADER,
  type Bridge,
} from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let core: Core;
let bridge: Bridge;
let caseId: number;

function post(
  method: string,
  body: string,
  headers: Record<string, string> = { [TOKEN_HEADER]: bridge.token },
): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

beforeAll(async () => {
  core = await openTestCore(tempDir());
  bridge = await startBridge({ api: core, staticDir: null });
  caseId = (await core.createCase({ title: 'Uploads' })).id;
});

afterAll(async () => {
  await bridge.close();
  core.close();
});

describe('attachments through the web bridge', () => {
  it('accepts an attachment larger than the general body limit and gives it back byte for byte', async () => {
    const bytes = Buffer.alloc(30 * 1024 * 1024, 'invoice line 发票\n');
    const body = JSON.stringify({ caseId, name: 'ledger.txt', base64: bytes.toString('base64') });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const reply = await post('addAttachment', body);
    expect(reply.status, JSON.stringify(reply.json.error)).toBe(200);
    const record = reply.json.value as { id: number; sha256: string; size: number };
    expect(record).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const content = (await post('getAttachment', JSON.stringify({ id: record.id }))).json.value as { base64: string };
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a body over the attachment limit with 413, and other methods keep the general limit', async () => {
    const over = await post(
      'addAttachment',
      JSON.stringify({ caseId, name: 'x.txt', base64: 'A'.repeat(MAX_ATTACHMENT_BODY_BYTES) }),
    );
    expect([over.status, over.json.error?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const search = await post('search', JSON.stringify({ text: 'A'.repeat(MAX_BODY_BYTES) }));
    expect(search.status).toBe(413);
  });

  it('keeps the token and Origin checks for uploads', async () => {
    const body = JSON.stringify({ caseId, name: 'a.txt', base64: 'aGk=' });
    expect((await post('addAttachment', body, {})).status).toBe(401);
    expect(
      (await post('addAttachment', body, { [TOKEN_HEADER]: bridge.token, origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(await core.listAttachments({ caseId })).toHaveLength(1);
  });
});
