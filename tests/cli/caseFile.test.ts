import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const FIXTURE = join(APP_ROOT, 'tests', 'fixtures', 'notices', '01-related-us-forwarded.txt');

/** The fixture notice re-dated to today, so its deadlines fall due from now on. */
function noticeFromToday(dir: string): { path: string; today: string } {
  const today = new Date().toISOString().slice(0, 10);
  const path = join(dir, 'notice.txt');
  writeFileSync(path, readFileSync(FIXTURE, 'utf8').replace('Date: Tue, Oct 7, 2025 at 4:18 AM', `Date: ${today}`));
  return { path, today };
}

describe('seller-kb and Amazon notices', () => {
  it('notice analyze prints the documented fields as JSON', async () => {
    const { code, out } = await cli('notice', 'analyze', FIXTURE, '--json', '--data', tempDir());
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'cause',
      'marketplace',
      'noticeDate',
      'asins',
      'documents',
      'deadlines',
      'addresses',
      'articles',
      'evidence',
    ]);
    expect(result).toMatchObject({
      cause: 'related-accounts',
      marketplace: 'US',
      noticeDate: '2025-10-07',
      addresses: ['seller-performance@amazon.com'],
    });
  });

  it('notice analyze says "no Amazon notice found" for other text and a huge file, with exit code 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lunch.txt'), 'Lunch on Friday?');
    const other = await cli('notice', 'analyze', join(dir, 'lunch.txt'), '--data', dir);
    expect([other.code, other.err]).toEqual([1, expect.stringMatching(/no Amazon notice found/)]);
    writeFileSync(join(dir, 'huge.txt'), 'Amazon.com related accounts. '.repeat(400_000));
    const huge = await cli('notice', 'analyze', join(dir, 'huge.txt'), '--data', dir);
    expect([huge.code, huge.err]).toEqual([
      1,
      expect.stringMatching(/no Amazon notice found: the text is longer than/),
    ]);
  });

  it('case new --from-notice fills the case, then deadlines --json, --ics and due show its deadlines', async () => {
    const dir = tempDir();
    const { path, today } = noticeFromToday(dir);
    const created = await cli('case', 'new', '--from-notice', path, '--json', '--data', dir);
    expect(created.code).toBe(0);
    const record = JSON.parse(created.out) as { id: number; cause: string; noticeReceived: string };
    expect(record).toMatchObject({ cause: 'related-accounts', noticeReceived: today });

    const listed = await cli('deadlines', String(record.id), '--json', '--data', dir);
    const rows = JSON.parse(listed.out) as {
      id: string;
      title: string;
      due: string;
      basis: string;
      articleId: string;
    }[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'title', 'due', 'basis', 'articleId']);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.due))).toBe(true);
    expect(rows.find((row) => row.id === 'appeal-window-stated')?.articleId).toBe('after-appeal-en');

    const out = join(dir, 'case.ics');
    expect((await cli('deadlines', String(record.id), '--ics', '--out', out, '--data', dir)).code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8'))).getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('dtstart')?.toString()).sort()).toEqual(
      rows.map((row) => row.due).sort(),
    );

    const due = await cli('due', '--json', '--data', dir);
    expect((JSON.parse(due.out) as { id: string }[]).map((row) => row.id)).toContain('cure-period');
    expect((await cli('due', '--within', '0', '--data', dir)).out).toMatch(/Nothing is due|OVERDUE|cure/);
  });

  it('refuses --from-notice with a cause or marketplace, and --ics without --out', async () => {
    const dir = tempDir();
    expect((await cli('case', 'new', '--from-notice', FIXTURE, '--cause', 'counterfeit', '--data', dir)).code).toBe(2);
    expect((await cli('deadlines', '1', '--ics', '--data', dir)).code).toBe(2);
  });
});
