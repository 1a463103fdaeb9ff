import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import { loadDeadlineRules, parseDeadlineRules } from '../../electron/core/deadlines/deadlineRules.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { shippedNoticeContext } from '../helpers/noticeContext.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const notice = (name: string) => readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'notices', name), 'utf8');

describe('the deadline rules in content/deadlines.json', () => {
  it('load, and every rule names an article the library has, a public source and its date', () => {
    const rules = loadDeadlineRules(APP_ROOT);
    const { articleExists } = shippedNoticeContext();
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect(articleExists(rule.articleId), rule.id).toBe(true);
      expect(rule.source.url, rule.id).toMatch(/^(https:\/\/|article:)/);
      expect(rule.asOf, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(rules.map((rule) => rule.id)).toEqual(
      expect.arrayContaining([
        'appeal-window-stated',
        'follow-up-after-appeal',
        'funds-claim-us',
        'funds-claim-jp',
        'removal-required-eu',
        'termination-notice-eu',
        'termination-notice-uk',
        'cure-period',
      ]),
    );
  });

  it('refuse a rule with a wrong field, naming the file, the rule and the field', () => {
    const good = JSON.parse(readFileSync(join(APP_ROOT, 'content', 'deadlines.json'), 'utf8')) as {
      rules: Record<string, unknown>[];
    };
    const broken = { rules: [{ ...good.rules[0], days: -3 }] };
    expect(() => parseDeadlineRules(broken, 'content/deadlines.json')).toThrow(
      /content\/deadlines.json: rule 1 \("appeal-window-stated"\): "days" must be/,
    );
    expect(() => parseDeadlineRules({ rules: [{ ...good.rules[0], marketplaces: ['XX'] }] }, 'f')).toThrow(KbError);
    expect(() => parseDeadlineRules({ rules: [good.rules[0], good.rules[0]] }, 'f')).toThrow(/used twice/);
  });
});

describe('a case made from a notice', () => {
  it('is filled from the notice, keeps the notice text, and shows the deadlines the notice and the rules imply', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2025-10-08T09:00:00Z').now });
    const text = notice('01-related-us-forwarded.txt');
    const record = await core.createCaseFromNotice({ text });
    expect(record).toMatchObject({
      cause: 'related-accounts',
      marketplace: 'US',
      noticeReceived: '2025-10-07',
      title: 'Related accounts · US · 2025-10-07',
    });
    expect(record.linkedArticles).toContain('cause-related-accounts-en');
    expect((await core.getCaseNotice({ caseId: record.id }))?.text).toBe(text);
    expect(record.noteCount).toBe(1);
    expect((await core.searchNotes({ text: 'related to another account' }))[0]).toMatchObject({
      caseId: record.id,
      title: 'Amazon notice',
    });
    const { deadlines, events } = await core.listCaseDeadlines({ caseId: record.id });
    expect(events).toEqual([{ kind: 'notice-received', date: '2025-10-07' }]);
    const byId = new Map(deadlines.map((deadline) => [deadline.id, deadline]));
    expect(byId.get('appeal-window-stated')).toMatchObject({
      due: '2025-10-24',
      articleId: 'after-appeal-en',
      state: 'coming',
    });
    expect(byId.get('appeal-window-stated')?.basis).toMatch(
      /17 days after the notice \(2025-10-07\), as the notice states \("within 17 days"\)/,
    );
    expect(byId.get('funds-claim-us')).toMatchObject({ due: '2025-12-06', articleId: 'funds-after-suspension-en' });
    expect(byId.get('cure-period')).toMatchObject({ due: '2025-10-14', state: 'due' });
    expect(byId.has('funds-claim-jp')).toBe(false);
    expect(byId.has('removal-required-eu')).toBe(false);
    core.close();
  });

  it('refuses text that is no notice and saves nothing', async () => {
    const core = await openTestCore(tempDir());
    await expect(core.createCaseFromNotice({ text: 'Hello, lunch on Friday?' })).rejects.toThrow(
      /no Amazon notice found/,
    );
    await expect(core.createCaseFromNotice({ text: 'x'.repeat(10_500_000) })).rejects.toThrow(/no Amazon notice found/);
    expect(await core.listCases()).toEqual([]);
    core.close();
  });

  it('counts EU removals and the notice period for a German notice, and the Japanese funds for a Japanese one', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2025-10-22T09:00:00Z').now });
    const german = await core.createCaseFromNotice({ text: notice('19-restricted-de-hazmat.txt') });
    const germanIds = (await core.listCaseDeadlines({ caseId: german.id })).deadlines.map((deadline) => deadline.id);
    expect(germanIds).toEqual(
      expect.arrayContaining(['removal-required-eu', 'termination-notice-eu', 'appeal-window-stated']),
    );
    const japanese = await core.createCaseFromNotice({ text: notice('05-counterfeit-jp.txt') });
    const funds = (await core.listCaseDeadlines({ caseId: japanese.id })).deadlines.find(
      (deadline) => deadline.id === 'funds-claim-jp',
    );
    expect(funds?.due).toBe('2026-01-19');
    core.close();
  });

  it('lists an undated condition for "after two unsuccessful appeals" and leaves it out of the due list', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2025-09-10T09:00:00Z').now });
    const record = await core.createCaseFromNotice({ text: notice('11-odr-uk.txt') });
    const limit = (await core.listCaseDeadlines({ caseId: record.id })).deadlines.find(
      (deadline) => deadline.id === 'appeals-limit-stated',
    );
    expect(limit).toMatchObject({ due: null, articleId: 'remedies-compared-en' });
    expect(
      (await core.listDueDeadlines({ withinDays: 3650 })).some((deadline) => deadline.id === 'appeals-limit-stated'),
    ).toBe(false);
    core.close();
  });
});

describe('the follow-up after an appeal', () => {
  it('never replaces a date the user typed: the rule offers its date beside it', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2026-11-10T09:00:00Z').now });
    const record = await core.createCase({ title: 'Typed first', marketplace: 'US' });
    await core.updateCase({ id: record.id, changes: { nextFollowUp: '2026-11-30' } });
    const sent = await core.updateCase({ id: record.id, changes: { status: 'appeal-sent' } });
    expect(sent.nextFollowUp).toBe('2026-11-30');
    const followUp = (await core.listCaseDeadlines({ caseId: record.id })).deadlines.find(
      (deadline) => deadline.id === 'follow-up-after-appeal',
    );
    expect(followUp).toMatchObject({ due: '2026-11-17', typed: '2026-11-30' });
    expect(followUp?.basis).toMatch(/you set 2026-11-30 yourself, which is kept/);
    core.close();
  });

  it('is set by the rule from content/deadlines.json when no date was typed', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2026-11-10T09:00:00Z').now });
    const record = await core.createCase({ title: 'Rule sets it' });
    const sent = await core.updateCase({ id: record.id, changes: { status: 'appeal-sent' } });
    expect(sent.nextFollowUp).toBe('2026-11-17');
    const followUp = (await core.listCaseDeadlines({ caseId: record.id })).deadlines.find(
      (deadline) => deadline.id === 'follow-up-after-appeal',
    );
    expect(followUp).toMatchObject({ due: '2026-11-17', typed: null, articleId: 'after-appeal-en' });
    core.close();
  });
});

describe('what is due, and the calendar', () => {
  it('lists due deadlines of open cases, overdue first, and drops closed cases', async () => {
    const clock = fixedClock('2025-10-08T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const record = await core.createCaseFromNotice({ text: notice('01-related-us-forwarded.txt') });
    clock.set('2025-10-20T09:00:00Z');
    const due = await core.listDueDeadlines({ withinDays: 7 });
    expect(due.map((deadline) => [deadline.id, deadline.overdue])).toEqual([
      ['cure-period', true],
      ['appeal-window-stated', false],
    ]);
    expect(due[0]).toMatchObject({ caseId: record.id, caseTitle: record.title });
    await core.updateCase({ id: record.id, changes: { status: 'closed' } });
    expect(await core.listDueDeadlines({ withinDays: 7 })).toEqual([]);
    core.close();
  });

  it('exports the deadlines as an iCalendar file with alarms that parses back', async () => {
    const core = await openTestCore(tempDir(), { now: fixedClock('2025-10-08T09:00:00Z').now });
    const record = await core.createCaseFromNotice({ text: notice('01-related-us-forwarded.txt') });
    const file = await core.exportCaseCalendar({ caseId: record.id });
    expect(file.fileName).toMatch(/^seller-kb-case-\d+-.*\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(file.content));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const appeal = events.find((event) => event.uid.includes('appeal-window-stated'));
    expect(appeal?.startDate.toString()).toBe('2025-10-24');
    expect(appeal?.startDate.isDate).toBe(true);
    expect(appeal?.summary).toMatch(/^Deadline the notice states \(appeal or documents\) — /);
    expect(appeal?.description).toMatch(/17 days after the notice/);
    const alarms = calendar.getAllSubcomponents('vevent')[0]!.getAllSubcomponents('valarm');
    expect(alarms.length).toBe(2);
    expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    core.close();
  });

  it('keeps the reminder preference in the notebook', async () => {
    const core = await openTestCore(tempDir());
    expect(await core.getReminderSettings()).toEqual({ keepInTray: false });
    await core.setReminderSettings({ keepInTray: true });
    expect(await core.getReminderSettings()).toEqual({ keepInTray: true });
    await expect(core.setReminderSettings({ keepInTray: 'yes' as unknown as boolean })).rejects.toThrow(/keepInTray/);
    core.close();
  });
});
