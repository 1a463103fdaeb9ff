import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, KB_METHODS } from '../../electron/common/index.js';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let core: Core;
let bridge: Bridge;
const CALLS_PER_METHOD = 40;

/** A seeded generator of hostile JSON values: wrong types, huge numbers, deep nesting, prototype keys. */
function makeRandom(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const atoms = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE, '', 'x', '移除订单', '../../etc/passwd', '<script>alert(1)</script>', 'a'.repeat(10_000), '\u0000', '__proto__', 'constructor'];
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth > 4 || roll < 0.5) return atoms[Math.floor(next() * atoms.length)];
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const keys = ['id', 'text', 'title', 'caseId', 'body', 'path', 'json', 'format', 'limit', 'changes', 'status', 'articleId', 'checklist', 'step', 'done', 'passphrase', 'current', 'next', '__proto__', 'constructor'];
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)]!, value(depth + 1)]));
  };
  return value;
}

beforeAll(async () => {
  core = await openTestCore(tempDir());
  bridge = await startBridge({ api: core, staticDir: null });
});
afterAll(async () => {
  await bridge.close();
  core.close();
});

describe('the bridge under fuzzed arguments', () => {
  it(`answers every method with a well-formed envelope, ${CALLS_PER_METHOD} hostile calls each, and keeps serving`, { timeout: 120_000 }, async () => {
    const value = makeRandom(42);
    const filesBefore = readdirSync('.').sort();
    const codes = new Set<string>();
    for (const method of KB_METHODS.filter((name) => name !== 'restoreNotebook')) {
      for (let call = 0; call < CALLS_PER_METHOD; call++) {
        const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' },
          body: JSON.stringify(value(0)),
          signal: AbortSignal.timeout(10_000),
        });
        const envelope = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
        expect(typeof envelope.ok, `${method}`).toBe('boolean');
        if (!envelope.ok) {
          expect(ERROR_CODES, `${method}: ${envelope.error?.message}`).toContain(envelope.error?.code);
          expect(envelope.error?.code, `${method}: ${envelope.error?.message}`).not.toBe('INTERNAL');
          expect(envelope.error?.message).not.toMatch(/\n\s+at /);
          codes.add(envelope.error!.code);
        }
      }
    }
    expect(codes.has('INVALID_INPUT')).toBe(true);
    expect(readdirSync('.').sort(), 'files written outside the data folder').toEqual(filesBefore);
    const health = await fetch(`http://127.0.0.1:${bridge.port}/api/checkNotebook`, { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token } });
    expect(((await health.json()) as { value: { ok: boolean } }).value.ok).toBe(true);
  });
});
