import type { CaseRecord, KbApi, PoaDraft, PoaForm, PoaQuestion } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { KnowledgeBase } from '../content/knowledgeBase.js';
import type { Notebook } from '../notes/notebook.js';
import { letterOrSkeleton } from '../notes/planOfAction.js';
import { requireId } from '../notes/validate.js';
import { requireString, shown } from '../validation.js';
import { englishSpelling, useDictionaryFrom } from '../spelling/englishSpelling.js';
import { compareTexts } from '../textDiff.js';
import {
  appealLog,
  findSubmission,
  MAX_ANSWER_CHARS,
  MAX_APPEAL_CHARS,
  readAnswers,
  recordSubmission,
  saveAnswer,
} from './appealStore.js';
import { draftLetter, unfilledPlaceholders } from './draftLetter.js';
import { checkLetter } from './letterChecks.js';
import { caseInvoices } from '../attachments/caseInvoices.js';
import { loadPoaContent, questionsFor, type PoaQuestionBank, type PoaWording } from './poaContent.js';

export type PoaMethods =
  | 'getPoaForm'
  | 'answerPoaQuestion'
  | 'buildPoaDraft'
  | 'submitAppeal'
  | 'listAppeals'
  | 'compareAppeals'
  | 'draftPlanOfAction';

export interface PoaDependencies {
  appRoot: string;
  notebook: () => Notebook;
  library: KnowledgeBase;
}

const POA = 'Plan of Action: ';

/** The Plan-of-Action builder's part of the contract: guided answers, a checked draft, the appeals sent. */
export function planOfActionHandlers({ appRoot, notebook, library }: PoaDependencies): Pick<KbApi, PoaMethods> {
  let content: { bank: PoaQuestionBank; wording: PoaWording } | null = null;
  const loaded = () => (content ??= loadPoaContent(appRoot));
  // The dictionary is found from the app's folder, for the spelling check and any other user of it.
  useDictionaryFrom(appRoot);
  const liveCase = (caseId: unknown): CaseRecord => {
    const record = notebook().getCase(requireId(caseId, 'caseId')).case;
    if (record.deletedAt)
      throw new KbError('INVALID_INPUT', `Plan of Action: case ${record.id} is in the trash; restore it first`);
    return record;
  };
  const form = (record: CaseRecord): PoaForm => ({
    caseId: record.id,
    cause: record.cause,
    questions: questionsFor(loaded().bank, record.cause),
    answers: Object.fromEntries(readAnswers(notebook(), record.id)),
  });
  const template = (record: CaseRecord): string => {
    const id = record.cause === 'other' ? null : `poa-template-${record.cause}-en`;
    return letterOrSkeleton(id && library.summaryOf(id) ? library.get(id).markdown : null);
  };
  const inspect = (
    record: CaseRecord,
    questions: PoaQuestion[],
    answers: Map<string, string>,
    text: string,
  ): PoaDraft => {
    const unfilled = unfilledPlaceholders(text, questions);
    return {
      text,
      unfilled,
      checks: checkLetter({
        text,
        unfilled,
        record,
        questions,
        answers,
        wording: loaded().wording,
        spelling: englishSpelling(),
        invoices: caseInvoices(notebook(), record.id),
      }),
    };
  };
  const draft = (record: CaseRecord, edited?: string): PoaDraft => {
    const questions = questionsFor(loaded().bank, record.cause);
    const answers = readAnswers(notebook(), record.id);
    return inspect(record, questions, answers, edited ?? draftLetter(template(record), record, questions, answers));
  };

  return {
    getPoaForm: async (request) => form(liveCase(request?.caseId)),
    answerPoaQuestion: async (request) => {
      const record = liveCase(request?.caseId);
      const question = requireString(request?.question, 'question', POA);
      const questions = questionsFor(loaded().bank, record.cause);
      if (!questions.some((candidate) => candidate.id === question)) {
        throw new KbError(
          'INVALID_INPUT',
          `Plan of Action: ${shown(question)} is not a question for cause ${record.cause}; the questions are ${questions.map((candidate) => candidate.id).join(', ')}`,
        );
      }
      saveAnswer(notebook(), record.id, question, requireString(request?.text, 'text', POA, MAX_ANSWER_CHARS));
      return form(record);
    },
    buildPoaDraft: async (request) => {
      const record = liveCase(request?.caseId);
      const edited =
        request?.text === undefined ? undefined : requireString(request.text, 'text', POA, MAX_APPEAL_CHARS);
      return draft(record, edited);
    },
    submitAppeal: async (request) => {
      const record = liveCase(request?.caseId);
      recordSubmission(notebook(), record.id, requireString(request?.text, 'text', POA, MAX_APPEAL_CHARS));
      return appealLog(notebook(), record.id);
    },
    listAppeals: async (request) =>
      appealLog(notebook(), notebook().getCase(requireId(request?.caseId, 'caseId')).case.id),
    compareAppeals: async (request) => {
      const caseId = requireId(request?.caseId, 'caseId');
      return compareTexts(
        findSubmission(notebook(), caseId, requireId(request?.from, 'from')).text,
        findSubmission(notebook(), caseId, requireId(request?.to, 'to')).text,
      );
    },
    draftPlanOfAction: async (request) => {
      const record = liveCase(request?.caseId);
      const { text } = draft(record);
      return notebook().saveNote({
        caseId: record.id,
        title: `Plan of Action — ${record.title}`,
        body: text,
        kind: 'plan-of-action',
        tags: ['POA'],
      });
    },
  };
}
