import type { AppealLog, AppealSubmission } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';
import { startFollowUpClock } from './followUpHook.js';

/** Longest answer kept for one question: a generous page of text. */
export const MAX_ANSWER_CHARS = 20_000;
/** Longest appeal kept: far above any appeal form. */
export const MAX_APPEAL_CHARS = 200_000;
/** Words in a case's notes saying that a decision can become final (the notice, pasted in). */
const FINAL_DECISION = /\bfinal\b|no further appeals?|cannot appeal again|最终决定|不再受理|不能再申诉/i;

/** The seller's answers for a case: question id → text. */
export function readAnswers(notebook: Notebook, caseId: number): Map<string, string> {
  const rows = notebook.db.prepare('SELECT question, answer FROM poa_answers WHERE case_id = ?').all(caseId) as {
    question: string;
    answer: string;
  }[];
  return new Map(rows.map((row) => [row.question, row.answer]));
}

/** Saves (or with empty text clears) one answer (of at most MAX_ANSWER_CHARS, which poaHandlers checked). */
export function saveAnswer(notebook: Notebook, caseId: number, question: string, text: string): void {
  notebook.write(() => {
    if (text.trim() === '')
      notebook.db.prepare('DELETE FROM poa_answers WHERE case_id = ? AND question = ?').run(caseId, question);
    else {
      notebook.db
        .prepare(
          'INSERT INTO poa_answers (case_id, question, answer, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(case_id, question) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at',
        )
        .run(caseId, question, text, notebook.timestamp());
    }
    notebook.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(notebook.timestamp(), caseId);
  });
}

/** Keeps the exact text (of at most MAX_APPEAL_CHARS, which poaHandlers checked) as the case's next appeal and starts the follow-up clock, in one transaction. */
export function recordSubmission(notebook: Notebook, caseId: number, text: string): void {
  if (text.trim() === '')
    throw new KbError('INVALID_INPUT', `Plan of Action: case ${caseId}: the appeal to mark as sent is empty ("text")`);
  notebook.write(() => {
    const { next } = notebook.db
      .prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM appeal_submissions WHERE case_id = ?')
      .get(caseId) as { next: number };
    notebook.db
      .prepare('INSERT INTO appeal_submissions (case_id, number, text, sent_at) VALUES (?, ?, ?, ?)')
      .run(caseId, next, text, notebook.timestamp());
    startFollowUpClock(notebook, caseId, next);
  });
}

/** The appeals of a case, oldest first. */
export function listSubmissions(notebook: Notebook, caseId: number): AppealSubmission[] {
  const rows = notebook.db
    .prepare('SELECT number, text, sent_at FROM appeal_submissions WHERE case_id = ? ORDER BY number')
    .all(caseId) as { number: number; text: string; sent_at: string }[];
  return rows.map((row) => ({ caseId, number: row.number, text: row.text, sentAt: row.sent_at }));
}

/** One appeal by its number, or a clear error. */
export function findSubmission(notebook: Notebook, caseId: number, number: number): AppealSubmission {
  const found = listSubmissions(notebook, caseId).find((submission) => submission.number === number);
  if (!found) throw new KbError('NOT_FOUND', `Plan of Action: case ${caseId} has no Appeal #${number}`);
  return found;
}

/**
 * The appeals with the strike count: every appeal followed by another did not succeed, and the last
 * did not when the case is denied. From the first unsuccessful one on, a warning that a second can be final.
 */
export function appealLog(notebook: Notebook, caseId: number): AppealLog {
  const submissions = listSubmissions(notebook, caseId);
  const detail = notebook.getCase(caseId);
  const unsuccessful =
    submissions.length === 0 ? 0 : submissions.length - 1 + (detail.case.status === 'denied' ? 1 : 0);
  const noticeSaysFinal = detail.notes.some((note) => FINAL_DECISION.test(note.body));
  let warning: string | null = null;
  let warningZh: string | null = null;
  if (unsuccessful >= 1 || noticeSaysFinal) {
    const seen = noticeSaysFinal
      ? ' Your notes on this case mention a final decision: read the notice again before sending.'
      : '';
    const seenZh = noticeSaysFinal ? '你在本案笔记中记下了"最终决定"的说法:发送前请再读一遍通知。' : '';
    warning = `${unsuccessful} of your ${submissions.length} appeals did not succeed. Some notices say that after two unsuccessful appeals the decision is final; make the next one complete, not quick.${seen}`;
    warningZh = `你的 ${submissions.length} 次申诉中有 ${unsuccessful} 次没有成功。有些通知写明,两次申诉不成功后决定即为最终决定;下一次申诉务必完整,不要仓促。${seenZh}`;
  }
  return { caseId, submissions, unsuccessful, warning, warningZh };
}
