import { describe, expect, it } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import {
  argumentFields,
  requireAbsolutePath,
  requireText,
  requireWholeNumber,
  shown,
} from '../../electron/core/validation.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** The KbError `work` throws. */
function thrown(work: () => unknown): KbError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(KbError);
    return error as KbError;
  }
  throw new Error('expected a KbError');
}

describe('the shared argument checks', () => {
  it('reads only own fields, into a null-prototype object, and takes an absent argument as no fields', () => {
    const inherited = argumentFields({ __proto__: { id: 1 } }, 'Test: ', ['id']);
    expect(inherited.id).toBeUndefined();
    const ownProto = argumentFields(JSON.parse('{"__proto__": {"id": 1}, "title": "t"}'), 'Test: ', ['title']);
    expect(Object.getPrototypeOf(ownProto)).toBeNull();
    expect(ownProto.title).toBe('t');
    expect(ownProto.constructor).toBeUndefined();
    expect(Object.keys(argumentFields(undefined, 'Test: ', ['id']))).toEqual([]);
    expect(Object.keys(argumentFields(null, 'Test: ', ['id']))).toEqual([]);
    for (const wrong of [5, 'text', [], true]) {
      expect(thrown(() => argumentFields(wrong, 'Test: ', ['id', 'title'])).message).toMatch(
        /^Test: the argument must be an object with "id", "title", not /,
      );
    }
  });

  it('names the field and where it was refused, and shows a long wrong value only in part', () => {
    expect(thrown(() => requireText('  ', 'path', 'Library: ')).message).toBe(
      'Library: "path" must be non-empty text, not "  "',
    );
    expect(thrown(() => requireText('x'.repeat(5000), 'path', 'Library: ')).message).toBe(
      'Library: "path" is 5000 characters; at most 4096 are allowed',
    );
    expect(thrown(() => requireWholeNumber(1.5, 'step', 'Checklists: ', 0, 1000)).message).toBe(
      'Checklists: "step" must be a whole number from 0 to 1000, not 1.5',
    );
    expect(thrown(() => requireAbsolutePath('/tmp/copy.txt', 'path', 'Backup: ', '.db')).message).toBe(
      'Backup: "path" must be an absolute path ending in .db, not "/tmp/copy.txt"',
    );
    expect(shown('y'.repeat(1000)).length).toBeLessThan(70);
  });
});

describe('handlers that validate once where the argument enters', () => {
  it('normalises a case once at the handler: the Notebook stores what it is given', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: '  Padded  ', asins: ['b000test02', 'B000TEST02', ' '] });
    expect([record.title, record.asins]).toEqual(['Padded', ['B000TEST02']]);
    const changed = await core.updateCase({
      id: record.id,
      changes: { title: ' Trimmed ', linkedArticles: ['a', 'a'] },
    });
    expect([changed.title, changed.linkedArticles]).toEqual(['Trimmed', ['a']]);
    expect((await failure(core.updateCase({ id: record.id, changes: 'closed' as never }))).message).toMatch(
      /^Notebook: "changes" must be an object/,
    );
    core.close();
  });

  it('validates each case and note of an import once, naming where in the file, and imports nothing of a wrong file', async () => {
    const core = await openTestCore(tempDir());
    const file = (cases: unknown[]) => JSON.stringify({ format: 'seller-kb-notebook', version: 1, cases });
    expect(
      await core.importNotebook({
        json: file([{ title: ' Imported ', asins: ['b000test02'], notes: [{ body: 'kept', tags: ['a', 'a'] }] }]),
      }),
    ).toEqual({ cases: 1, notes: 1 });
    const [imported] = await core.listCases();
    expect([imported?.title, imported?.asins]).toEqual(['Imported', ['B000TEST02']]);
    expect((await core.getCase({ id: imported!.id })).notes.map((note) => note.tags)).toEqual([['a']]);
    const wrongFiles: { cases: unknown[]; refusal: RegExp }[] = [
      { cases: [5], refusal: /^Import: case 1: the argument must be an object with "title"/ },
      {
        cases: [{ title: 'ok' }, { title: 'second', cause: 'bad' }],
        refusal: /^Import: case 2: "cause" must be one of /,
      },
      {
        cases: [{ title: 'ok', notes: [{ body: 'fine' }, { body: 5 }] }],
        refusal: /^Import: case 1, note 2: "body" must be text$/,
      },
    ];
    for (const { cases, refusal } of wrongFiles)
      expect((await failure(core.importNotebook({ json: file(cases) }))).message).toMatch(refusal);
    expect((await failure(core.importNotebook({ json: 5 as never }))).message).toBe('Import: "json" must be text');
    expect(await core.listCases()).toHaveLength(1);
    core.close();
  });

  it('checks a passphrase at the privacy handler before the notebook file is touched', async () => {
    const core = await openTestCore(tempDir());
    expect((await failure(core.encryptNotebook({ passphrase: 'short' }))).message).toBe(
      'Privacy: "passphrase" must be a passphrase of at least 8 characters',
    );
    expect((await failure(core.changeNotebookPassphrase({ current: '', next: 'long enough' }))).message).toBe(
      'Privacy: "current" must be the passphrase as non-empty text',
    );
    expect((await failure(core.unlockNotebook(null as never))).message).toBe(
      'Privacy: "passphrase" must be the passphrase as non-empty text',
    );
    expect((await core.getNotebookSecurity()).encrypted).toBe(false);
    core.close();
  });
});
