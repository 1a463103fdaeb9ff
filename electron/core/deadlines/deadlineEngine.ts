import type {
  CaseDeadline,
  CaseRecord,
  CaseSchedule,
  DeadlineRule,
  DeadlineState,
  NoticeAnalysis,
  StatedDeadline,
} from '../../common/index.js';
import { addDays } from './calendarDays.js';

/** A deadline inside this many days from today is "due"; later ones are "coming". */
export const DUE_SOON_DAYS = 7;

const EVENT_NAMES: Record<DeadlineRule['from'], string> = {
  'notice-received': 'the notice',
  'appeal-sent': 'the appeal',
};

/** What the engine needs to know of a case besides its record. */
export interface CaseClock {
  record: CaseRecord;
  /** The analysis of the notice the case was made from, if any (for deadlines the notice states). */
  notice: NoticeAnalysis | null;
  /** The article slug that set the follow-up date, or null when the user typed it. */
  followUpRule: string | null;
}

/** The rules that apply to a case: its marketplace, its cause, its status, and what its notice states. */
export function rulesForCase(
  rules: readonly DeadlineRule[],
  clock: CaseClock,
): { rule: DeadlineRule; stated: StatedDeadline | null }[] {
  const { record, notice } = clock;
  const applying: { rule: DeadlineRule; stated: StatedDeadline | null }[] = [];
  for (const rule of rules) {
    if (
      !rule.marketplaces.includes('ALL') &&
      (record.marketplace === null || !rule.marketplaces.includes(record.marketplace))
    )
      continue;
    if (!rule.causes.includes('ALL') && !rule.causes.includes(record.cause)) continue;
    if (rule.status && record.status !== rule.status) continue;
    let stated: StatedDeadline | null = null;
    if (rule.stated) {
      stated = notice?.deadlines.find((deadline) => deadline.kind === rule.stated) ?? null;
      if (!stated) continue;
    }
    applying.push({ rule, stated });
  }
  return applying;
}

/**
 * The case's timeline: the events it counts from and every deadline its rules imply, each with
 * its basis in words. A follow-up date the user typed stays theirs: the rule's date is offered
 * beside it (`typed`), never put in its place.
 *
 * @example scheduleCase(rules, { record, notice, followUpRule: null }, '2026-12-01').deadlines[0].due
 */
export function scheduleCase(rules: readonly DeadlineRule[], clock: CaseClock, today: string): CaseSchedule {
  const { record } = clock;
  const eventDates: Record<DeadlineRule['from'], string | null> = {
    'notice-received': record.noticeReceived,
    'appeal-sent': record.appealSent,
  };
  const deadlines: CaseDeadline[] = [];
  for (const { rule, stated } of rulesForCase(rules, clock)) {
    const fromDate = eventDates[rule.from];
    if (rule.since && fromDate !== null && fromDate < rule.since) continue;
    const days =
      stated?.kind === 'days' ? stated.amount : stated?.kind === 'hours' ? Math.ceil(stated.amount / 24) : rule.days;
    const dated = fromDate !== null && stated?.kind !== 'appeals';
    const due = dated ? addDays(fromDate, days) : null;
    const isFollowUp = rule.status === 'appeal-sent' && rule.from === 'appeal-sent';
    const typed =
      isFollowUp && clock.followUpRule === null && record.nextFollowUp !== null && record.nextFollowUp !== due
        ? record.nextFollowUp
        : null;
    deadlines.push({
      id: rule.id,
      caseId: record.id,
      title: rule.title,
      due,
      basis: basisOf(rule, stated, fromDate, days, typed),
      statedPhrase: stated?.phrase ?? null,
      condition: stated?.kind === 'appeals',
      from: rule.from,
      fromDate,
      days,
      articleId: rule.articleId,
      source: rule.source,
      asOf: rule.asOf,
      state: stateOf(typed ?? due, today),
      typed,
    });
  }
  deadlines.sort(
    (a, b) => (a.typed ?? a.due ?? '9999').localeCompare(b.typed ?? b.due ?? '9999') || a.id.localeCompare(b.id),
  );
  const events = (Object.keys(eventDates) as DeadlineRule['from'][])
    .filter((kind) => eventDates[kind] !== null)
    .map((kind) => ({ kind, date: eventDates[kind]! }));
  return { caseId: record.id, events: events.sort((a, b) => a.date.localeCompare(b.date)), deadlines };
}

/** The date a deadline falls on for reminders: the user's own date when they typed one. */
export function effectiveDate(deadline: CaseDeadline): string | null {
  return deadline.typed ?? deadline.due;
}

function stateOf(date: string | null, today: string): DeadlineState | null {
  if (date === null) return null;
  if (date < today) return 'past';
  return date <= addDays(today, DUE_SOON_DAYS) ? 'due' : 'coming';
}

function basisOf(
  rule: DeadlineRule,
  stated: StatedDeadline | null,
  fromDate: string | null,
  days: number,
  typed: string | null,
): string {
  const event = EVENT_NAMES[rule.from];
  const count =
    stated?.kind === 'appeals'
      ? `the notice says "${stated.phrase}"`
      : `${days} day${days === 1 ? '' : 's'} after ${event}${fromDate ? ` (${fromDate})` : ', once its date is known'}${stated ? `, as the notice states ("${stated.phrase}")` : ''}`;
  const own = typed ? `; you set ${typed} yourself, which is kept` : '';
  return `${count}${own}. Source: ${rule.source.publisher}, ${rule.source.title} (as of ${rule.asOf}).`;
}
