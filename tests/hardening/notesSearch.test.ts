import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import { openNotebookDatabase } from '../../electron/core/notes/database.js';
import { Notebook } from '../../electron/core/notes/notebook.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs('file');
let notebook: Notebook;
const bodies = [
  '中文 申诉信 "quoted" text',
  '账号关联 removal order',
  'AND OR NOT NEAR ( ) * ^ : {col}',
  '他说"中"文',
  'plain english note',
];
const liveIds = new Set<number>();

beforeAll(async () => {
  const path = join(tempDir(), 'notebook.db');
  notebook = new Notebook(await openNotebookDatabase(path), path);
  const record = notebook.createCase({ title: 'Fuzz' });
  for (const body of bodies) liveIds.add(notebook.saveNote({ caseId: record.id, body }).id);
});
afterAll(() => notebook.close());

/** Characters FTS5 reads as syntax, CJK, and the rest of Unicode. */
const queryText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      "'",
      ' ',
      '*',
      '^',
      ':',
      '(',
      ')',
      '-',
      '+',
      '中',
      '文',
      '申',
      'a',
      'N',
      'E',
      'A',
      'R',
      '\u0000',
      '\u3000',
      '　',
    ),
    maxLength: 30,
  }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('notes search with quotes and FTS5 syntax in the query', () => {
  it.each(['"中 文"', '中"', '"中', '文"', '"中"', '中""文', '"申诉信"', '“申诉信”'])(
    'finds the notes holding the words of %s',
    (query) => {
      const hits = notebook.searchNotes(query);
      expect(hits.length).toBeGreaterThan(0);
      for (const word of query.replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean)) {
        for (const hit of hits) expect(bodies[[...liveIds].indexOf(hit.noteId)]).toContain(word);
      }
    },
  );

  it('answers any string of up to 200 characters with live notes, at most the limit, each once', () => {
    fc.assert(
      fc.property(queryText, fc.integer({ min: 1, max: 5 }), (text, limit) => {
        const hits = notebook.searchNotes(text, limit);
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(new Set(hits.map((hit) => hit.noteId)).size).toBe(hits.length);
        for (const hit of hits) expect(liveIds.has(hit.noteId)).toBe(true);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('refuses a limit or a window that is not a whole number, naming it', () => {
    for (const limit of ['abc', 1.5, 0, -1, Number.NaN, '10']) {
      expect(() => notebook.searchNotes('中文', limit), String(limit)).toThrow(/"limit" must be a whole number/);
    }
    for (const withinDays of ['abc', 1.5, -1, Number.POSITIVE_INFINITY, {}]) {
      const error = (() => {
        try {
          notebook.listDue(withinDays);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, String(withinDays)).toBeInstanceOf(KbError);
      expect((error as KbError).code).toBe('INVALID_INPUT');
      expect((error as KbError).message).toMatch(/"withinDays" must be a whole number from 0 to 3650/);
    }
  });
});
