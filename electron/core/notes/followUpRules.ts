import type { CaseStatus } from '../../common/index.js';

/** A deadline the library's facts imply, and the article (slug) that states the fact. */
export interface FollowUpRule {
  status: CaseStatus;
  days: number;
  article: string;
}

/** after-appeal: with no answer 7 days after an appeal, send it again. */
export const FOLLOW_UP_RULES: readonly FollowUpRule[] = [{ status: 'appeal-sent', days: 7, article: 'after-appeal' }];

/** The rule that applies when a case enters `status`, if any. */
export function ruleForStatus(status: CaseStatus): FollowUpRule | undefined {
  return FOLLOW_UP_RULES.find((rule) => rule.status === status);
}

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
