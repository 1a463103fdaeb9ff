import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, KB_METHODS } from '../../electron/common/index.js';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { openTestCore } from '../helpers/core.js';
import { specialPaths } from '../helpers/specialFiles.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let core: Core;
let bridge: Bridge;
const CALLS_PER_METHOD = 40;
/** Keys every plain object has: content and callers may use any of them as a name. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** One call with a raw JSON body (so that "__proto__" can be a key of it), checked to be a clean envelope. */
async function callRaw(method: string, body: string): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const envelope = (await response.json()) as Answer;
  expect(typeof envelope.ok, `${method} ${body}`).toBe('boolean');
  if (!envelope.ok) {
    expect(ERROR_CODES, `${method}: ${envelope.error?.message}`).toContain(envelope.error?.code);
    expect(envelope.error?.code, `${method} ${body}: ${envelope.error?.message}`).not.toBe('INTERNAL');
    expect(envelope.error?.message).not.toMatch(/\n\s+at /);
  }
  return envelope;
}

/** A seeded generator of hostile JSON values: wrong types, huge numbers, deep nesting, prototype keys. */
function makeRandom(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const atoms = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE, '', 'x', '移除订单', '../../etc/passwd', '<script>alert(1)</script>', 'a'.repeat(10_000), '\u0000', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '"中 文"', '中"', 'mailto:%zz', '/dev/zero'];
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

  it('answers names that are Object.prototype keys, as values and as keys, like any other name', { timeout: 120_000 }, async () => {
    const created = (await callRaw('createCase', JSON.stringify({ title: 'Names' }))).value as { id: number };
    for (const name of PROTOTYPE_NAMES) {
      const quoted = JSON.stringify(name);
      // Checklists belong to articles: no article has these names, so each call is a clean NOT_FOUND, never a 500.
      expect((await callRaw('setChecklistStep', `{"articleId":${quoted},"checklist":${quoted},"step":0,"done":true}`)).error?.code, name).toBe('NOT_FOUND');
      expect((await callRaw('setChecklistStep', `{"articleId":"fba-removal-order-en","checklist":${quoted},"step":0,"done":true}`)).error?.code, name).toBe('INVALID_INPUT');
      expect((await callRaw('getChecklistProgress', `{"articleId":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
      expect((await callRaw('resetChecklist', `{"articleId":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
      expect((await callRaw('getArticle', `{"id":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
      for (const method of ['search', 'searchNotes']) expect((await callRaw(method, `{"text":${quoted}}`)).ok, `${method} ${name}`).toBe(true);
      const note = await callRaw('saveNote', `{"caseId":${created.id},"title":${quoted},"body":${quoted},"tags":[${quoted}]}`);
      expect(note.ok, name).toBe(true);
      // As keys of the argument: extra fields are ignored or refused, never merged into anything.
      await callRaw('updateCase', `{"id":${created.id},"changes":{${quoted}:{"status":"closed"},"title":"Still names"}}`);
      await callRaw('createCase', `{${quoted}:{"title":"polluted"},"title":${quoted}}`);
      await callRaw('listDue', `{"withinDays":${quoted}}`);
      await callRaw('removeUserFolder', `{"path":${quoted}}`);
    }
    const record = (await callRaw('getCase', JSON.stringify({ id: created.id }))).value as { case: { title: string; status: string } };
    expect(record.case.title).toBe('Still names');
    expect(({} as { status?: unknown }).status, 'Object.prototype was changed').toBeUndefined();
  });

  it('answers path arguments that are FIFOs, devices, links and folders without opening them, and keeps serving', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const paths = specialPaths(dir);
    symlinkSync(paths.fifo, join(dir, 'link-to-pipe.db'));
    symlinkSync(paths.folder, join(dir, 'link-to-folder.db'));
    const all = [...Object.values(paths), '/dev/null', '/dev/urandom', join(dir, 'link-to-pipe.db'), join(dir, 'link-to-folder.db'), join(paths.fifo, 'below.db')];
    for (const path of all) {
      const body = JSON.stringify({ path });
      for (const method of ['checkNotebook', 'restoreNotebook', 'backupNotebook']) {
        const answer = await callRaw(method, body);
        expect(answer.ok, `${method} ${path}`).toBe(false);
      }
      for (const method of ['addUserFolder', 'removeUserFolder', 'importNotebook']) await callRaw(method, body);
      expect((await callRaw('getLibraryInfo', '{}')).ok).toBe(true);
    }
    expect(((await callRaw('checkNotebook', '{}')).value as { ok: boolean }).ok).toBe(true);
  });
});
