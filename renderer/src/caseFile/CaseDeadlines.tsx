import type { CaseDeadline, CaseRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { downloadFiles } from '../services/download.js';
import { reportError, showToast } from '../services/notices.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang, useUiLang } from '../settings/preferences.js';
import { articleHref, sourceHref } from './articleLinks.js';

/** The case's clock: the events it counts from, then every deadline with its basis, and the .ics export. */
export function CaseDeadlines({ record, onUpdated }: { record: CaseRecord; onUpdated: (record: CaseRecord) => void }) {
  const t = useT();
  const schedule = useLoad(() => kb.listCaseDeadlines({ caseId: record.id }), [record.id, record.updatedAt]);
  const notice = useLoad(() => kb.getCaseNotice({ caseId: record.id }), [record.id]);
  const data = schedule.data;

  const useRuleDate = async (deadline: CaseDeadline) => {
    try {
      onUpdated(await kb.updateCase({ id: record.id, changes: { nextFollowUp: deadline.due } }));
      showToast(t.caseFile.ruleDateUsed);
    } catch (error) {
      reportError(error);
    }
  };
  const exportIcs = async () => {
    try {
      const file = await kb.exportCaseCalendar({ caseId: record.id });
      downloadFiles([{ path: file.fileName, content: file.content }]);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card case-deadlines" aria-labelledby="deadlines-title" data-testid="case-deadlines">
      <h2 id="deadlines-title">{t.caseFile.deadlinesTitle}</h2>
      <p className="field-hint">{t.caseFile.deadlinesIntro}</p>
      {data && (
        <ol className="deadline-timeline">
          {data.events.map((event) => (
            <li key={event.kind} className="deadline-event" data-testid="deadline-event">
              <time dateTime={event.date}>{event.date}</time> <strong>{t.caseFile.event[event.kind]}</strong>
            </li>
          ))}
          {data.deadlines.map((deadline) => (
            <DeadlineItem key={deadline.id} deadline={deadline} onUseRuleDate={() => void useRuleDate(deadline)} />
          ))}
        </ol>
      )}
      {data && data.deadlines.length === 0 && <p className="muted">{t.caseFile.noDeadlines}</p>}
      <button
        type="button"
        data-testid="export-ics"
        disabled={!data?.deadlines.some((deadline) => deadline.due !== null)}
        onClick={() => void exportIcs()}
      >
        {t.caseFile.exportIcs}
      </button>
      {notice.data && (
        <details className="case-notice">
          <summary>{t.caseFile.noticeKept}</summary>
          <pre data-testid="case-notice-text">{notice.data.text}</pre>
        </details>
      )}
    </section>
  );
}

/** Content inside interface text (a phrase of the notice, a source's title), shown as written and marked with its language. */
function Quoted({ around: [before, after], text }: { around: [string, string]; text: string }) {
  return (
    <>
      {before}
      <span lang={/\p{Script=Han}/u.test(text) ? 'zh' : 'en'}>{text}</span>
      {after}
    </>
  );
}

/** The basis in the interface language, from the deadline's parts (the core's `basis` is English). */
function LocalBasis({ deadline }: { deadline: CaseDeadline }) {
  const words = useT().caseFile;
  const { statedPhrase, source } = deadline;
  return (
    <>
      {deadline.condition && statedPhrase ? (
        <Quoted around={words.basisCondition} text={statedPhrase} />
      ) : (
        <>
          {words.basisCount(deadline.days, words.eventInSentence[deadline.from] ?? deadline.from, deadline.fromDate)}
          {statedPhrase && <Quoted around={words.basisStated} text={statedPhrase} />}
        </>
      )}
      <Quoted around={words.basisSource} text={`${source.publisher}, ${source.title}`} />
      {words.basisAsOf(deadline.asOf)}
    </>
  );
}

function DeadlineItem({ deadline, onUseRuleDate }: { deadline: CaseDeadline; onUseRuleDate: () => void }) {
  const t = useT();
  const ui = useUiLang();
  const lang = usePreferredArticleLang();
  const date = deadline.typed ?? deadline.due;
  return (
    <li
      className={`deadline-item deadline-${deadline.state ?? 'undated'}`}
      data-testid="deadline-item"
      data-id={deadline.id}
    >
      <span className="deadline-date">{date ? <time dateTime={date}>{date}</time> : t.caseFile.undated}</span>{' '}
      <strong className="deadline-title">{deadline.title[ui]}</strong>
      {deadline.state && <span className="deadline-state"> · {t.caseFile.state[deadline.state]}</span>}
      <p className="deadline-basis">
        {t.caseFile.basis}
        {t.common.colon}
        <LocalBasis deadline={deadline} /> <a href={articleHref(deadline.articleId, lang)}>{t.caseFile.readArticle}</a>{' '}
        · <a href={sourceHref(deadline.source.url, lang)}>{t.caseFile.source}</a>
      </p>
      {deadline.typed && deadline.due && (
        <p className="deadline-offer" data-testid="deadline-offer">
          {t.caseFile.typedKept(deadline.typed, deadline.due)}{' '}
          <button type="button" data-testid="deadline-use-rule" onClick={onUseRuleDate}>
            {t.caseFile.useRuleDate(deadline.due)}
          </button>
        </p>
      )}
    </li>
  );
}
