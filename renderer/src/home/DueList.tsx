import { kb } from '../api/index.js';
import { paths } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { useDueEvents } from '../services/pushEvents.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { DueDeadlines, otherDueDeadlines } from '../caseFile/DueDeadlines.js';

/** Cases whose follow-up falls within 14 days, then the other deadlines; overdue ones in red, with the rule's article. */
export function DueList() {
  const t = useT();
  const lang = usePreferredArticleLang();
  // Looked at again when a deadline falls due (overdue ones turn red while the page is open).
  const dueEvents = useDueEvents();
  const due = useLoad(() => kb.listDue({ withinDays: 14 }), [dueEvents]);
  const items = due.data ?? [];
  const deadlines = useLoad(() => kb.listDueDeadlines({ withinDays: 14 }), [dueEvents]);
  const otherDeadlines = otherDueDeadlines(deadlines.data ?? []);
  return (
    <section aria-labelledby="home-due" className="due-section">
      <h2 id="home-due">{t.home.due}</h2>
      <div data-testid="due-list">
        {due.loading && !due.data ? (
          <p className="muted">{t.common.loading}</p>
        ) : items.length === 0 && otherDeadlines.length === 0 ? (
          <p className="muted">{t.home.dueNone}</p>
        ) : (
          <ul className="due-list">
            {items.map((item) => (
              <li key={item.caseId} className={item.overdue ? 'due-item is-overdue' : 'due-item'}>
                <a href={paths.case(item.caseId)} className="due-title">
                  {item.caseTitle}
                </a>
                <span className="due-status">{t.status[item.status]}</span>
                <span className="due-date">
                  {item.overdue && <strong className="overdue-label">{t.home.overdue} · </strong>}
                  {t.home.dueOn(item.nextFollowUp)}
                </span>
                {item.ruleArticle && (
                  <a href={paths.article(`${item.ruleArticle}-${lang}`)} className="due-rule">
                    {t.home.rule}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
        <DueDeadlines items={otherDeadlines} />
      </div>
    </section>
  );
}
