import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoticeAnalysis } from '../../electron/common/index.js';
import { analyzeNotice } from '../../electron/core/notices/analyzeNotice.js';
import { MAX_NOTICE_CHARS } from '../../electron/common/index.js';
import { shippedNoticeContext } from '../helpers/noticeContext.js';
import { APP_ROOT } from '../helpers/tempDir.js';

const FIXTURES = join(APP_ROOT, 'tests', 'fixtures', 'notices');
const FIELDS = ['cause', 'marketplace', 'noticeDate', 'asins', 'documents', 'deadlines', 'addresses'] as const;
type Field = (typeof FIELDS)[number];
type Labels = Record<Field, string | null | string[]>;

const context = shippedNoticeContext();
const labels = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as Record<string, Labels>;

/** A field of an analysis as a list of comparable items (a scalar is a list of at most one). */
function items(analysis: NoticeAnalysis, field: Field): string[] {
  if (field === 'deadlines') return analysis.deadlines.map((deadline) => `${deadline.kind}:${deadline.amount}`);
  const value = analysis[field];
  return Array.isArray(value) ? value : value === null ? [] : [value];
}

function expected(label: Labels, field: Field): string[] {
  const value = label[field];
  return Array.isArray(value) ? value : value === null ? [] : [value];
}

describe('the notice analyzer on the labelled notices', () => {
  it('labels every fixture and covers every cause and several marketplaces', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(labels).sort()).toEqual(files.sort());
    const causes = new Set(Object.values(labels).map((label) => label.cause));
    expect(causes.size).toBe(8);
    expect(new Set(Object.values(labels).map((label) => label.marketplace)).size).toBeGreaterThanOrEqual(6);
  });

  it('finds every field with a precision of at least 95% (and every scalar field right 95% of the time)', () => {
    const tally = new Map<Field, { predicted: number; correct: number; labelled: number; found: number }>(
      FIELDS.map((field) => [field, { predicted: 0, correct: 0, labelled: 0, found: 0 }]),
    );
    const misses: string[] = [];
    for (const [file, label] of Object.entries(labels)) {
      const analysis = analyzeNotice(readFileSync(join(FIXTURES, file), 'utf8'), context);
      expect(analysis.found, file).toBe(true);
      for (const field of FIELDS) {
        const got = items(analysis, field);
        const want = expected(label, field);
        const entry = tally.get(field)!;
        entry.predicted += got.length;
        entry.correct += got.filter((item) => want.includes(item)).length;
        entry.labelled += want.length;
        entry.found += want.filter((item) => got.includes(item)).length;
        if (label.cause === null || ['cause', 'marketplace', 'noticeDate'].includes(field)) {
          // A scalar that is missing counts against it too.
          if ((got[0] ?? null) !== (want[0] ?? null))
            misses.push(`${file} ${field}: got ${got[0] ?? 'null'}, want ${want[0] ?? 'null'}`);
        } else if (got.length !== want.length || got.some((item) => !want.includes(item)))
          misses.push(`${file} ${field}: got [${got}], want [${want}]`);
      }
    }
    const table = [...tally].map(([field, entry]) => ({
      field,
      precision: entry.predicted === 0 ? 1 : entry.correct / entry.predicted,
      recall: entry.labelled === 0 ? 1 : entry.found / entry.labelled,
      predicted: entry.predicted,
      labelled: entry.labelled,
    }));
    console.table(table.map((row) => ({ ...row, precision: row.precision.toFixed(3), recall: row.recall.toFixed(3) })));
    if (misses.length > 0) console.log(misses.join('\n'));
    for (const row of table) expect(row.precision, `${row.field} precision`).toBeGreaterThanOrEqual(0.95);
    for (const field of ['cause', 'marketplace', 'noticeDate'] as const) {
      const wrong = misses.filter((miss) => miss.includes(` ${field}:`)).length;
      expect(1 - wrong / Object.keys(labels).length, `${field} accuracy`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('names the phrases that decided the cause, and links the cause article and its letter template', () => {
    const analysis = analyzeNotice(readFileSync(join(FIXTURES, '01-related-us-forwarded.txt'), 'utf8'), context);
    expect(analysis.evidence).toContainEqual({ field: 'cause', phrase: 'related accounts' });
    expect(analysis.articles.slice(0, 2)).toEqual(['cause-related-accounts-en', 'poa-template-related-accounts-en']);
    expect(analysis.articles.every((id) => context.articleExists(id))).toBe(true);
  });

  it('reads the language of Japanese and German notices', () => {
    expect(analyzeNotice(readFileSync(join(FIXTURES, '05-counterfeit-jp.txt'), 'utf8'), context).language).toBe('ja');
    expect(analyzeNotice(readFileSync(join(FIXTURES, '03-atoz-de-german.txt'), 'utf8'), context).language).toBe('de');
  });
});

describe('the notice analyzer on bad input', () => {
  const rejected = (text: string) => analyzeNotice(text, context);

  it('finds no notice in empty text', () => {
    expect(rejected('   \n ')).toMatchObject({ found: false, rejection: 'empty', cause: 'other', asins: [] });
    expect(rejected('').message).toMatch(/^no Amazon notice found/);
  });

  it('finds no notice in an e-mail that is not from Amazon', () => {
    const result = rejected(
      'From: Anna <anna@example.com>\nDate: 2025-10-01\n\nHi! Lunch on Friday? We could try the new place near the station.',
    );
    expect(result).toMatchObject({ found: false, rejection: 'not-amazon' });
  });

  it('refuses a 10 MB paste without scanning it', () => {
    const huge = 'Your Amazon.com account was deactivated for related accounts. '.repeat(170_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    expect(rejected(huge)).toMatchObject({ found: false, rejection: 'too-long' });
  });

  it('refuses binary data and text with mixed encodings', () => {
    expect(rejected(`PK\u0003\u0004\u0000\u0000Amazon${'\u0001\u0002'.repeat(50)}`).rejection).toBe('binary');
    expect(
      rejected(`Amazon.de: Ihr Konto wurde deaktiviert. ${'VerkÃ¤uferkonto fÃ¼r RÃ¼ckbuchungen â€™ '.repeat(20)}`)
        .rejection,
    ).toBe('garbled');
    expect(rejected(`Amazon account ${'\ufffd'.repeat(40)} deactivated`).rejection).toBe('garbled');
  });

  it('reads the longest allowed text that is full of near-matches and still answers', () => {
    const nearMisses =
      'ASIN: B0 within  days after unsuccessful On wrote: <a <b Amazon.co &#x; 2025年 deactivated '.repeat(
        Math.floor(MAX_NOTICE_CHARS / 90),
      );
    expect(nearMisses.length).toBeLessThanOrEqual(MAX_NOTICE_CHARS);
    expect(rejected(nearMisses).found).toBe(true);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom('', 'Amazon.com ', 'Amazon.de related accounts '),
        (text, prefix) => {
          const result = analyzeNotice(prefix + text, context);
          expect(typeof result.found).toBe('boolean');
          if (result.noticeDate !== null) expect(result.noticeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
