import { addDays, ruleForStatus } from '../notes/followUpRules.js';
import type { Notebook } from '../notes/notebook.js';

/**
 * The one place where sending an appeal starts the follow-up clock (inside the caller's
 * transaction): the case becomes "appeal sent" today, and its next follow-up is the rule's number of
 * days from now. A deadline engine replacing the fixed rule only needs to change this function.
 */
export function startFollowUpClock(notebook: Notebook, caseId: number, appealNumber: number): void {
  const today = notebook.today();
  const rule = ruleForStatus('appeal-sent');
  const before = notebook.findCase(caseId);
  if (before.status !== 'appeal-sent') notebook.logActivity(caseId, 'status-changed', `${before.status} → appeal-sent`);
  notebook.logActivity(caseId, 'case-updated', `Appeal #${appealNumber} sent`);
  notebook.db
    .prepare(`UPDATE cases SET status = 'appeal-sent', appeal_sent = ?, next_follow_up = ?, follow_up_rule = ?, updated_at = ? WHERE id = ?`)
    .run(today, rule ? addDays(today, rule.days) : before.nextFollowUp, rule?.article ?? null, notebook.timestamp(), caseId);
}
