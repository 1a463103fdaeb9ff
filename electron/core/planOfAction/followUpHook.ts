import { addDays } from '../deadlines/calendarDays.js';
import type { Notebook } from '../notes/notebook.js';

/**
 * The one place where sending an appeal starts the follow-up clock (inside the caller's
 * transaction): the case becomes "appeal sent" today, and its next follow-up is the deadline rules'
 * number of days from now — unless the seller typed a follow-up date, which is never replaced.
 */
export function startFollowUpClock(notebook: Notebook, caseId: number, appealNumber: number): void {
  const today = notebook.today();
  const rule = notebook.followUpForStatus('appeal-sent');
  const before = notebook.findCase(caseId);
  const typed = before.nextFollowUp !== null && notebook.followUpRuleOf(caseId) === null;
  const nextFollowUp = rule && !typed ? addDays(today, rule.days) : before.nextFollowUp;
  const ruleId = rule && !typed ? rule.article : notebook.followUpRuleOf(caseId);
  if (before.status !== 'appeal-sent') notebook.logActivity(caseId, 'status-changed', `${before.status} → appeal-sent`);
  notebook.logActivity(caseId, 'case-updated', `Appeal #${appealNumber} sent`);
  notebook.db
    .prepare(
      `UPDATE cases SET status = 'appeal-sent', appeal_sent = ?, next_follow_up = ?, follow_up_rule = ?, updated_at = ? WHERE id = ?`,
    )
    .run(today, nextFollowUp, ruleId, notebook.timestamp(), caseId);
}
