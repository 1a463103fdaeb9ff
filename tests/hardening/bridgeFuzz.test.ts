import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, KB_METHODS, type KbMethod } from '../../electron/common/index.js';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { dispatch } from '../../electron/core/dispatch.js';
import { CONTRACT_ARGUMENTS, makeArgumentFixture, type ArgumentFixture } from '../helpers/contractArguments.js';
import { openTestCore } from '../helpers/core.js';
import { specialPaths } from '../helpers/specialFiles.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let core: Core;
let bridge: Bridge;
const CALLS_PER_METHOD = 40;
/** Keys every plain object has: content and callers may use any of them as a name. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];
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
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const atoms = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 60),
    Number.MAX_VALUE,
    '',
    'x',
    '移除订单',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    'a'.repeat(10_000),
    '\u0000',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '"中 文"',
    '中"',
    'mailto:%zz',
    '/dev/zero',
  ];
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth > 4 || roll < 0.5) return atoms[Math.floor(next() * atoms.length)];
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const keys = [
      'id',
      'text',
      'title',
      'caseId',
      'body',
      'path',
      'json',
      'format',
      'limit',
      'changes',
      'status',
      'articleId',
      'checklist',
      'step',
      'done',
      'passphrase',
      'current',
      'next',
      '__proto__',
      'constructor',
    ];
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)]!, value(depth + 1)]),
    );
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
  it(
    `answers every method with a well-formed envelope, ${CALLS_PER_METHOD} hostile calls each, and keeps serving`,
    { timeout: 120_000 },
    async () => {
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
      const health = await fetch(`http://127.0.0.1:${bridge.port}/api/checkNotebook`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: bridge.token },
      });
      expect(((await health.json()) as { value: { ok: boolean } }).value.ok).toBe(true);
    },
  );

  it(
    'answers names that are Object.prototype keys, as values and as keys, like any other name',
    { timeout: 120_000 },
    async () => {
      const created = (await callRaw('createCase', JSON.stringify({ title: 'Names' }))).value as { id: number };
      for (const name of PROTOTYPE_NAMES) {
        const quoted = JSON.stringify(name);
        // Checklists belong to articles: no article has these names, so each call is a clean NOT_FOUND, never a 500.
        expect(
          (await callRaw('setChecklistStep', `{"articleId":${quoted},"checklist":${quoted},"step":0,"done":true}`))
            .error?.code,
          name,
        ).toBe('NOT_FOUND');
        expect(
          (
            await callRaw(
              'setChecklistStep',
              `{"articleId":"fba-removal-order-en","checklist":${quoted},"step":0,"done":true}`,
            )
          ).error?.code,
          name,
        ).toBe('INVALID_INPUT');
        expect((await callRaw('getChecklistProgress', `{"articleId":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
        expect((await callRaw('resetChecklist', `{"articleId":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
        expect((await callRaw('getArticle', `{"id":${quoted}}`)).error?.code, name).toBe('NOT_FOUND');
        for (const method of ['search', 'searchNotes'])
          expect((await callRaw(method, `{"text":${quoted}}`)).ok, `${method} ${name}`).toBe(true);
        const note = await callRaw(
          'saveNote',
          `{"caseId":${created.id},"title":${quoted},"body":${quoted},"tags":[${quoted}]}`,
        );
        expect(note.ok, name).toBe(true);
        // As keys of the argument: extra fields are ignored or refused, never merged into anything.
        await callRaw(
          'updateCase',
          `{"id":${created.id},"changes":{${quoted}:{"status":"closed"},"title":"Still names"}}`,
        );
        await callRaw('createCase', `{${quoted}:{"title":"polluted"},"title":${quoted}}`);
        await callRaw('listDue', `{"withinDays":${quoted}}`);
        await callRaw('removeUserFolder', `{"path":${quoted}}`);
      }
      const record = (await callRaw('getCase', JSON.stringify({ id: created.id }))).value as {
        case: { title: string; status: string };
      };
      expect(record.case.title).toBe('Still names');
      expect(({} as { status?: unknown }).status, 'Object.prototype was changed').toBeUndefined();
    },
  );

  it(
    'answers path arguments that are FIFOs, devices, links and folders without opening them, and keeps serving',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const paths = specialPaths(dir);
      symlinkSync(paths.fifo, join(dir, 'link-to-pipe.db'));
      symlinkSync(paths.folder, join(dir, 'link-to-folder.db'));
      const all = [
        ...Object.values(paths),
        '/dev/null',
        '/dev/urandom',
        join(dir, 'link-to-pipe.db'),
        join(dir, 'link-to-folder.db'),
        join(paths.fifo, 'below.db'),
      ];
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
    },
  );
});

const HUGE = '長'.repeat(1_000_000);
/** Values of a wrong type, size or shape, for a whole argument and for each of its fields. */
const HOSTILE_VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  '',
  ' ',
  'text',
  '../../etc/passwd',
  HUGE,
  [],
  [1, 'a'],
  {},
  // "__proto__" as an own key (what JSON.parse makes of a request body) and as the real prototype:
  // neither may be read as the argument's fields.
  JSON.parse('{"__proto__": {"id": 1, "caseId": 1, "title": "polluted"}}') as unknown,
  { __proto__: { id: 1, caseId: 1, noteId: 1, text: 'inherited', title: 'inherited' } },
  Object.create(null) as unknown,
  { constructor: 'x', toString: 'y', hasOwnProperty: 'z' },
];

interface HostileCall {
  label: string;
  argument: unknown;
  /** The names the refusal may name: any of the argument's for a wrong whole argument, else the one wrong field. */
  blamed: readonly string[];
}

/** Every hostile argument of a method: each value as the whole argument, then in each field of a valid argument. */
async function hostileCalls(method: KbMethod, fixture: ArgumentFixture): Promise<HostileCall[]> {
  const { names, valid } = CONTRACT_ARGUMENTS[method];
  const label = (value: unknown) =>
    typeof value === 'string' && value.length > 20
      ? `${value.length} characters`
      : String(JSON.stringify(value) ?? value);
  const calls: HostileCall[] = HOSTILE_VALUES.map((value) => ({ label: label(value), argument: value, blamed: names }));
  for (const name of names) {
    for (const value of HOSTILE_VALUES)
      calls.push({
        label: `{ …valid, ${name}: ${label(value)} }`,
        argument: { ...(valid ? await valid(fixture) : {}), [name]: value },
        blamed: [name],
      });
  }
  return calls;
}

/**
 * The table may have encrypted (and locked) the notebook: some hostile strings are long enough to be
 * a passphrase. Undone before the next method, with whichever of them it was.
 */
async function undoEncryption(core: Core): Promise<void> {
  if (!(await core.getNotebookSecurity()).encrypted) return;
  for (const passphrase of HOSTILE_VALUES.filter(
    (value): value is string => typeof value === 'string' && value.length >= 8,
  )) {
    const opened = await dispatch(core, 'unlockNotebook', { passphrase });
    if (opened.ok) return void (await core.decryptNotebook({ passphrase }));
  }
  throw new Error('the notebook was encrypted with a passphrase that is not in the table');
}

/** True when `message` names one of the argument's fields (quoted, or as a word). */
function namesArgument(message: string, names: readonly string[]): boolean {
  return names.some((name) => message.includes(`"${name}"`) || new RegExp(`\\b${name}\\b`).test(message));
}

describe('every contract method through dispatch, under a table of hostile arguments', () => {
  let fuzzed: Core;
  let fixture: ArgumentFixture;
  beforeAll(async () => {
    const dir = tempDir();
    fuzzed = await openTestCore(dir);
    fixture = await makeArgumentFixture(fuzzed, dir);
  });
  afterAll(() => fuzzed.close());

  it('has a valid argument for every method that takes one, accepted as it is', async () => {
    expect(Object.keys(CONTRACT_ARGUMENTS).sort()).toEqual([...KB_METHODS].sort());
    for (const method of KB_METHODS) {
      const { valid } = CONTRACT_ARGUMENTS[method];
      if (!valid) continue;
      const envelope = await dispatch(fuzzed, method, await valid(fixture));
      // Refused only for what the notebook holds (a missing file, no viewer), never for the argument's shape.
      if (!envelope.ok && !CONTRACT_ARGUMENTS[method].refusedAsItIs)
        expect(envelope.error.code, `${method}: ${envelope.error.message}`).not.toMatch(/^(INVALID_INPUT|INTERNAL)$/);
    }
  });

  it(
    'answers each hostile argument with a value or a refusal naming the argument, never a TypeError or an unnamed error',
    { timeout: 300_000 },
    async () => {
      const filesBefore = readdirSync('.').sort();
      const problems: string[] = [];
      let refused = 0;
      for (const method of KB_METHODS) {
        const { valid, refusedAsItIs, alsoNamedBy = [] } = CONTRACT_ARGUMENTS[method];
        const baseline = valid && refusedAsItIs ? await dispatch(fuzzed, method, await valid(fixture)) : null;
        const baselineRefusal = baseline && !baseline.ok ? baseline.error.message : null;
        for (const { label, argument, blamed } of await hostileCalls(method, fixture)) {
          const envelope = await dispatch(fuzzed, method, argument);
          if (envelope.ok) continue;
          refused++;
          const { code, message } = envelope.error;
          const call = `${method}(${label}) → ${code}: ${message.slice(0, 300)}`;
          // INTERNAL is what dispatch makes of anything but a KbError: a TypeError, a RangeError, a bare Error.
          if (!ERROR_CODES.includes(code) || code === 'INTERNAL') problems.push(`not a KbError: ${call}`);
          if (/\n\s+at /.test(message)) problems.push(`a stack trace: ${call}`);
          if (message.length > 2_000) problems.push(`echoes the huge argument: ${call}`);
          const named = namesArgument(message, [...blamed, ...alsoNamedBy]) || message === baselineRefusal;
          if (code === 'INVALID_INPUT' && !named) problems.push(`does not name ${blamed.join(' or ')}: ${call}`);
        }
        await undoEncryption(fuzzed);
      }
      expect(problems).toEqual([]);
      expect(refused).toBeGreaterThan(1000);
      expect(readdirSync('.').sort(), 'files written outside the data folder').toEqual(filesBefore);
      expect((await fuzzed.checkNotebook()).ok).toBe(true);
    },
  );
});
