import type {
  CaseCause,
  CaseRecord,
  DeadlineRule,
  DueDeadline,
  KbApi,
  NoticeAnalysis,
  ReminderSettings,
} from '../../common/index.js';
import { KbError } from '../../common/index.js';
import type { KnowledgeBase } from '../content/knowledgeBase.js';
import { analyzeNotice } from '../notices/analyzeNotice.js';
import { allNoticeAnalyses, findCaseNotice, saveCaseNotice } from '../notices/caseNotices.js';
import type { Notebook } from '../notes/notebook.js';
import { MAX_TITLE_CHARS, requireId } from '../notes/validate.js';
import { optionalString, optionalWholeNumber, requireBoolean } from '../validation.js';
import { addDays } from './calendarDays.js';
import { calendarFile } from './calendarFile.js';
import { effectiveDate, scheduleCase } from './deadlineEngine.js';

export type CaseFileMethods =
  | 'analyzeNotice'
  | 'createCaseFromNotice'
  | 'getCaseNotice'
  | 'listCaseDeadlines'
  | 'listDueDeadlines'
  | 'exportCaseCalendar'
  | 'getReminderSettings'
  | 'setReminderSettings';

export interface CaseFileDependencies {
  notebook: () => Notebook;
  library: KnowledgeBase;
  rules: readonly DeadlineRule[];
}

const CLOSED_STATUSES: ReadonlySet<CaseRecord['status']> = new Set(['reinstated', 'denied', 'closed']);
/** How long an overdue deadline stays on the due list. */
const OVERDUE_SHOWN_DAYS = 30;
const REMINDERS_SETTING = 'reminders';
const NOTICE_NOTE_TITLE = 'Amazon notice';
const CAUSE_TITLES: Record<CaseCause, string> = {
  'related-accounts': 'Related accounts',
  'restricted-products': 'Restricted products',
  'a-to-z-chargebacks': 'A-to-z claims and chargebacks',
  'order-defect-rate': 'Order defect rate',
  counterfeit: 'Counterfeit complaint',
  'ip-infringement': 'IP complaint',
  'new-account': 'Identity verification',
  other: 'Amazon notice',
};

/** Notice analysis against the library (its glossary, and which articles exist): here and in imports. */
export function noticeAnalyzer(library: KnowledgeBase): (text: unknown) => NoticeAnalysis {
  const context = { glossary: library.glossary(), articleExists: (id: string) => library.summaryOf(id) !== undefined };
  return (text) => analyzeNotice(typeof text === 'string' ? text : '', context);
}

/**
 * The contract's notice, deadline, calendar and reminder methods (issue 16), each validating its
 * argument where it enters.
 */
export function caseFileHandlers({ notebook, library, rules }: CaseFileDependencies): Pick<KbApi, CaseFileMethods> {
  const analyze = noticeAnalyzer(library);
  const schedule = (record: CaseRecord) => {
    const book = notebook();
    return scheduleCase(
      rules,
      {
        record,
        notice: findCaseNotice(book, record.id)?.analysis ?? null,
        followUpRule: book.followUpRuleOf(record.id),
      },
      book.today(),
    );
  };
  return {
    analyzeNotice: async (request) => analyze(request?.text),
    createCaseFromNotice: async (request) => {
      const analysis = analyze(request?.text);
      if (!analysis.found) throw new KbError('INVALID_INPUT', `Notices: ${analysis.message}`);
      const book = notebook();
      const given = optionalString(request.title, 'title', 'Notices: ', MAX_TITLE_CHARS)?.trim() ?? '';
      const title =
        given || [CAUSE_TITLES[analysis.cause], analysis.marketplace, analysis.noticeDate].filter(Boolean).join(' · ');
      return book.write(() => {
        const record = book.createCase({
          title,
          cause: analysis.cause,
          marketplace: analysis.marketplace,
          noticeReceived: analysis.noticeDate,
          asins: analysis.asins,
          linkedArticles: analysis.articles,
        });
        saveCaseNotice(book, record.id, request.text, analysis);
        // Also as a note, so the notice is found by note search and travels with exports.
        book.saveNote({ caseId: record.id, title: NOTICE_NOTE_TITLE, body: request.text, tags: ['notice'] });
        return book.findCase(record.id);
      });
    },
    getCaseNotice: async (request) => {
      const book = notebook();
      return findCaseNotice(book, book.findCase(requireId(request?.caseId, 'caseId')).id);
    },
    listCaseDeadlines: async (request) => schedule(notebook().findCase(requireId(request?.caseId, 'caseId'))),
    listDueDeadlines: async (request) => {
      const book = notebook();
      const today = book.today();
      const within = optionalWholeNumber(request?.withinDays, 'withinDays', 'Deadlines: ', 0, 3650, 7);
      const [earliest, latest] = [addDays(today, -OVERDUE_SHOWN_DAYS), addDays(today, within)];
      const notices = allNoticeAnalyses(book);
      const due: DueDeadline[] = [];
      for (const record of book.listCases()) {
        if (CLOSED_STATUSES.has(record.status)) continue;
        const clock = { record, notice: notices.get(record.id) ?? null, followUpRule: book.followUpRuleOf(record.id) };
        for (const deadline of scheduleCase(rules, clock, today).deadlines) {
          const date = effectiveDate(deadline);
          if (date !== null && date >= earliest && date <= latest)
            due.push({ ...deadline, caseTitle: record.title, overdue: date < today });
        }
      }
      return due.sort(
        (a, b) => effectiveDate(a)!.localeCompare(effectiveDate(b)!) || a.caseId - b.caseId || a.id.localeCompare(b.id),
      );
    },
    exportCaseCalendar: async (request) => {
      const record = notebook().findCase(requireId(request?.caseId, 'caseId'));
      return calendarFile(record, schedule(record).deadlines);
    },
    getReminderSettings: async () => ({
      keepInTray: false,
      ...notebook().getSetting<Partial<ReminderSettings>>(REMINDERS_SETTING, {}),
    }),
    setReminderSettings: async (settings) => {
      const next: ReminderSettings = { keepInTray: requireBoolean(settings?.keepInTray, 'keepInTray', 'Reminders: ') };
      notebook().setSetting(REMINDERS_SETTING, next);
      return next;
    },
  };
}
