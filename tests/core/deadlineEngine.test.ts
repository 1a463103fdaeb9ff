import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_CAUSES,
  CASE_STATUSES,
  MARKETPLACES,
  type CaseRecord,
  type NoticeAnalysis,
  type StatedDeadline,
} from '../../electron/common/index.js';
import { addDays } from '../../electron/core/deadlines/calendarDays.js';
import { effectiveDate, scheduleCase } from '../../electron/core/deadlines/deadlineEngine.js';
import { loadDeadlineRules } from '../../electron/core/deadlines/deadlineRules.js';
import { APP_ROOT } from '../helpers/tempDir.js';

const rules = loadDeadlineRules(APP_ROOT);
const day = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2023-01-01', offset));
const stated = fc.array(
  fc.record({
    kind: fc.constantFrom<StatedDeadline['kind']>('days', 'hours', 'appeals'),
    amount: fc.integer({ min: 1, max: 120 }),
    phrase: fc.constant('within N days'),
  }),
  { maxLength: 3 },
);

const caseArbitrary = fc.record({
  marketplace: fc.option(fc.constantFrom(...MARKETPLACES), { nil: null }),
  cause: fc.constantFrom(...CASE_CAUSES),
  status: fc.constantFrom(...CASE_STATUSES),
  noticeReceived: fc.option(day, { nil: null }),
  appealSent: fc.option(day, { nil: null }),
  nextFollowUp: fc.option(day, { nil: null }),
  followUpRule: fc.constantFrom(null, 'after-appeal'),
  deadlines: stated,
  today: day,
});

type CaseFields = Pick<
  CaseRecord,
  'marketplace' | 'cause' | 'status' | 'noticeReceived' | 'appealSent' | 'nextFollowUp'
>;

function recordOf(fields: CaseFields): CaseRecord {
  const { marketplace, cause, status, noticeReceived, appealSent, nextFollowUp } = fields;
  return {
    id: 1,
    title: 'A case',
    asins: [],
    linkedArticles: [],
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    noteCount: 0,
    marketplace,
    cause,
    status,
    noticeReceived,
    appealSent,
    nextFollowUp,
  };
}

describe('the deadline engine', () => {
  it('counts every dated deadline from its event, applies rules only where they belong, and keeps a typed date', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const record = recordOf(input);
        const notice = { deadlines: input.deadlines } as NoticeAnalysis;
        const { deadlines } = scheduleCase(rules, { record, notice, followUpRule: input.followUpRule }, input.today);
        for (const deadline of deadlines) {
          const rule = rules.find((candidate) => candidate.id === deadline.id)!;
          expect(rule.marketplaces.includes('ALL') || rule.marketplaces.includes(record.marketplace!)).toBe(true);
          const from = rule.from === 'notice-received' ? record.noticeReceived : record.appealSent;
          expect(deadline.fromDate).toBe(from);
          if (deadline.condition || from === null) expect(deadline.due).toBeNull();
          else expect(deadline.due).toBe(addDays(from, deadline.days));
          if (rule.since && from !== null) expect(from >= rule.since).toBe(true);
          if (deadline.typed !== null) {
            expect(deadline.typed).toBe(record.nextFollowUp);
            expect(effectiveDate(deadline)).toBe(record.nextFollowUp);
            expect(input.followUpRule).toBeNull();
          }
          const date = effectiveDate(deadline);
          if (date !== null)
            expect(deadline.state).toBe(
              date < input.today ? 'past' : date <= addDays(input.today, 7) ? 'due' : 'coming',
            );
        }
        const dated = deadlines.map(effectiveDate).filter((date): date is string => date !== null);
        expect(dated).toEqual([...dated].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('takes the stated figure for the stated-deadline rules and skips them when the notice states none', () => {
    const record = recordOf({
      marketplace: 'UK',
      cause: 'counterfeit',
      status: 'open',
      noticeReceived: '2026-01-10',
      appealSent: null,
      nextFollowUp: null,
    });
    const clock = (deadlines: StatedDeadline[]) => ({
      record,
      notice: { deadlines } as NoticeAnalysis,
      followUpRule: null,
    });
    const none = scheduleCase(rules, clock([]), '2026-01-11').deadlines.map((deadline) => deadline.id);
    expect(none).not.toContain('appeal-window-stated');
    const hours = scheduleCase(
      rules,
      clock([{ kind: 'hours', amount: 72, phrase: 'within 72 hours' }]),
      '2026-01-11',
    ).deadlines.find((deadline) => deadline.id === 'response-window-hours');
    expect(hours).toMatchObject({ due: '2026-01-13', days: 3, statedPhrase: 'within 72 hours' });
    const us = scheduleCase(
      rules,
      { ...clock([]), record: { ...record, marketplace: 'US', noticeReceived: '2024-10-01' } },
      '2024-10-02',
    ).deadlines.map((deadline) => deadline.id);
    expect(us).not.toContain('funds-claim-us');
  });
});
