import type { DueDeadline } from '../common/index.js';

/** One system notification to show. */
export interface Reminder {
  /** Case, deadline and date: each is shown once per date it falls on. */
  key: string;
  caseId: number;
  title: string;
  body: string;
}

/**
 * The deadlines to notify about now: due today or overdue, not shown before. Titles follow the
 * interface language (zh or en).
 */
export function pickReminders(
  due: readonly DueDeadline[],
  shown: ReadonlySet<string>,
  today: string,
  lang: 'zh' | 'en',
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const deadline of due) {
    const date = deadline.typed ?? deadline.due;
    if (date === null || date > today) continue;
    const key = `${deadline.caseId}:${deadline.id}:${date}`;
    if (shown.has(key)) continue;
    const when =
      date < today
        ? lang === 'zh'
          ? `已过期（${date}）`
          : `overdue since ${date}`
        : lang === 'zh'
          ? '今天到期'
          : 'due today';
    reminders.push({
      key,
      caseId: deadline.caseId,
      title: `${deadline.title[lang]} — ${when}`,
      body: deadline.caseTitle,
    });
  }
  return reminders;
}
