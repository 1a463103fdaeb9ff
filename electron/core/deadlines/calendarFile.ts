import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { CalendarFile, CaseDeadline, CaseRecord } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { effectiveDate } from './deadlineEngine.js';

/** Reminders fire a day before and on the morning of each deadline (09:00 local on the day before). */
const ALARMS = [
  { action: 'display' as const, description: 'Seller KB deadline tomorrow', trigger: { hours: 15, before: true } },
  {
    action: 'display' as const,
    description: 'Seller KB deadline today',
    trigger: { hours: 0, minutes: 0, before: false },
  },
];

/**
 * The case's dated deadlines as an iCalendar file (RFC 5545): one all-day event each, with its
 * basis as the description and two display alarms.
 *
 * @example calendarFile(record, schedule.deadlines).content.startsWith('BEGIN:VCALENDAR')
 */
export function calendarFile(record: CaseRecord, deadlines: readonly CaseDeadline[]): CalendarFile {
  const events: EventAttributes[] = [];
  for (const deadline of deadlines) {
    const date = effectiveDate(deadline);
    if (date === null) continue;
    events.push({
      uid: `seller-kb-case-${record.id}-${deadline.id}@seller-kb.local`,
      title: `${deadline.title.en} — ${record.title}`,
      description: `${deadline.title.zh}\n${deadline.basis}\nLibrary: ${deadline.articleId}\nSource: ${deadline.source.url}`,
      start: dateArray(date),
      duration: { days: 1 },
      categories: ['Seller KB'],
      alarms: ALARMS,
      productId: 'seller-kb/deadlines',
      calName: `Seller KB: ${record.title}`,
    });
  }
  const { error, value } = createEvents(events, {
    productId: 'seller-kb/deadlines',
    calName: `Seller KB: ${record.title}`,
  });
  if (error || value === null)
    throw new KbError(
      'INVALID_INPUT',
      `Deadlines: case ${record.id}: the calendar could not be written (${error?.message ?? 'no output'})`,
    );
  const slug =
    record.title
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'case';
  return { fileName: `seller-kb-case-${record.id}-${slug}.ics`, content: value };
}

function dateArray(date: string): DateArray {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}
