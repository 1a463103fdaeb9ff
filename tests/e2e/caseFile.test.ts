import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../electron/core/deadlines/calendarDays.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();

/** The labelled related-accounts notice, sent `daysAgo` days before today. */
function noticeSent(daysAgo: number): { text: string; date: string } {
  const date = addDays(new Date().toISOString().slice(0, 10), -daysAgo);
  const text = readFileSync(
    join(APP_ROOT, 'tests', 'fixtures', 'notices', '01-related-us-forwarded.txt'),
    'utf8',
  ).replace('Date: Tue, Oct 7, 2025 at 4:18 AM', `Date: ${date}`);
  return { text, date };
}

describe('a case file that runs the clock, in web mode', () => {
  it(
    'pastes a notice on the home page, makes the case, shows its deadlines, and lists what is due on the home page',
    { timeout: 90_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      const { text, date } = noticeSent(8);
      const home = page.getByTestId('notice-paste');
      await home.getByTestId('notice-text').fill(text);
      await home.getByTestId('notice-analyze').click();
      await expect.poll(async () => (await page.getByTestId('notice-noticeDate').textContent()) ?? '').toBe(date);
      expect(await page.getByTestId('notice-addresses').textContent()).toBe('seller-performance@amazon.com');
      await page.getByTestId('notice-create').click();

      const appeal = page.locator('[data-testid="deadline-item"][data-id="appeal-window-stated"]');
      await appeal.waitFor();
      expect(await appeal.textContent()).toContain(addDays(date, 17));
      expect(await appeal.textContent()).toContain('as the notice states');
      expect(await page.locator('[data-testid="deadline-item"][data-id="funds-claim-us"]').textContent()).toContain(
        addDays(date, 60),
      );
      expect(await page.getByTestId('case-notice-text').textContent()).toContain('related to another account');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-ics').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.ics$/);
      expect(readFileSync((await file.path())!, 'utf8')).toContain('BEGIN:VALARM');

      // The cure period passed yesterday: the banner says so on every page, and home lists it in red.
      await page.getByTestId('reminder-banner').waitFor();
      await page.goto(`${page.url().split('#')[0]}#/`);
      const overdue = page.locator('[data-testid="due-deadline"][data-id="cure-period"]');
      await overdue.waitFor();
      expect(await overdue.getAttribute('class')).toContain('is-overdue');
      expect(await page.locator('[data-testid="due-deadline"][data-id="appeal-window-stated"]').count()).toBe(1);
      await page.screenshot({ path: 'test-results/case-file-home.png', fullPage: true });
    },
  );

  it('says "no Amazon notice found" on the cases page and saves nothing', { timeout: 60_000 }, async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/cases`);
    const paste = page.getByTestId('notice-paste');
    await paste.getByTestId('notice-text').fill('Hi! Lunch on Friday at the usual place?');
    await paste.getByTestId('notice-analyze').click();
    await expect
      .poll(async () => (await page.getByTestId('notice-message').textContent()) ?? '')
      .toContain('No Amazon notice found');
    expect(await page.getByTestId('notice-create').count()).toBe(0);
    expect(await app.core.listCases()).toEqual([]);
  });

  it(
    'keeps a follow-up date the user typed when the appeal is sent, and offers the rule date instead',
    { timeout: 60_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      const record = await app.core.createCase({ title: 'Typed follow-up' });
      const typed = addDays(new Date().toISOString().slice(0, 10), 20);
      await app.core.updateCase({ id: record.id, changes: { nextFollowUp: typed } });
      await page.goto(`${page.url().split('#')[0]}#/cases/${record.id}`);
      await page.getByTestId('case-status').selectOption('appeal-sent');
      await page.getByTestId('deadline-offer').waitFor();
      expect(await page.getByTestId('case-follow-up').textContent()).toBe(typed);
      await page.getByTestId('deadline-use-rule').click();
      const ruleDate = addDays(new Date().toISOString().slice(0, 10), 7);
      await expect.poll(async () => (await page.getByTestId('case-follow-up').textContent()) ?? '').toBe(ruleDate);
      expect((await app.core.getCase({ id: record.id })).case.nextFollowUp).toBe(ruleDate);
      await page.getByTestId('case-follow-up-rule').waitFor();
    },
  );
});
