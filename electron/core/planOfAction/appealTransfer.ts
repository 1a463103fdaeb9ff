import { CASE_LABELS, KbError } from '../../common/index.js';
import { timestampOr, type CaseTransfer } from '../notes/caseTransfer.js';
import { requireObject, requireString, requireWholeNumber, shown } from '../validation.js';
import { MAX_ANSWER_CHARS, MAX_APPEAL_CHARS, listSubmissions, readAnswers } from './appealStore.js';

const WHERE = 'Plan of Action: ';
/** Far above any question id of the question bank. */
const MAX_QUESTION_CHARS = 200;

/**
 * The Plan of Action's share of a case in a JSON export: the seller's answers (question id → text)
 * and every appeal as it was sent, with its number and time. Answers to questions the bank no
 * longer asks are kept too: they are the seller's words, and cost nothing where nothing shows them.
 */
export const appealTransfer: CaseTransfer = {
  exportCase: (notebook, caseId) => {
    const answers = Object.fromEntries(readAnswers(notebook, caseId));
    const appeals = listSubmissions(notebook, caseId).map(({ number, text, sentAt }) => ({ number, text, sentAt }));
    return { poaAnswers: answers, appeals };
  },
  // What was sent, word for word, for whoever reads the case next (a lawyer, a colleague).
  markdownLines: (notebook, caseId, lang) => {
    const submissions = listSubmissions(notebook, caseId);
    if (submissions.length === 0) return [];
    const words = CASE_LABELS[lang];
    return [
      `## ${words.appeals}`,
      '',
      ...submissions.flatMap(({ number, text, sentAt }) => [`### ${words.appeal(number, sentAt)}`, '', text, '']),
    ];
  },
  importCase: (notebook, caseId, imported) => {
    const answers = requireObject(imported.poaAnswers, 'poaAnswers', WHERE, true);
    const saveAnswer = notebook.db.prepare(
      'INSERT INTO poa_answers (case_id, question, answer, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [question, answer] of Object.entries(answers)) {
      if (question.length > MAX_QUESTION_CHARS)
        throw new KbError('INVALID_INPUT', `${WHERE}answer to ${shown(question)}: the question id is too long`);
      const text = requireString(answer, `poaAnswers.${question}`, WHERE, MAX_ANSWER_CHARS);
      if (text.trim() !== '') saveAnswer.run(caseId, question, text, notebook.timestamp());
    }
    if (imported.appeals === undefined || imported.appeals === null) return;
    if (!Array.isArray(imported.appeals))
      throw new KbError('INVALID_INPUT', `${WHERE}"appeals" must be a list, not ${shown(imported.appeals)}`);
    const saveAppeal = notebook.db.prepare(
      'INSERT INTO appeal_submissions (case_id, number, text, sent_at) VALUES (?, ?, ?, ?)',
    );
    const numbers = new Set<number>();
    imported.appeals.forEach((entry: unknown, index) => {
      const name = `appeals[${index}]`;
      const fields = requireObject(entry, name, WHERE);
      const number = requireWholeNumber(fields.number, `${name}.number`, WHERE, 1, 10_000);
      if (numbers.has(number)) throw new KbError('INVALID_INPUT', `${WHERE}${name}: Appeal #${number} appears twice`);
      numbers.add(number);
      const text = requireString(fields.text, `${name}.text`, WHERE, MAX_APPEAL_CHARS);
      saveAppeal.run(caseId, number, text, timestampOr(fields.sentAt, notebook));
    });
  },
};
