import type { DueDeadline } from '../../../electron/common/index.js';
import { paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang, useUiLang } from '../settings/preferences.js';
import { articleHref } from './articleLinks.js';

/** The follow-up has its own line in the due list above; the other deadlines of open cases come here. */
const SHOWN_ABOVE = 'follow-up-after-appeal';

/** The due deadlines the home page lists besides the follow-ups (which have their own lines). */
export function otherDueDeadlines(due: readonly DueDeadline[]): DueDeadline[] {
  return due.filter((deadline) => deadline.id !== SHOWN_ABOVE);
}

/** Deadlines of open cases that fall due soon, overdue ones first, each with its article. */
export function DueDeadlines({ items }: { items: readonly DueDeadline[] }) {
  const t = useT();
  const ui = useUiLang();
  const lang = usePreferredArticleLang();
  if (items.length === 0) return null;
  return (
    <ul className="due-list due-deadlines" aria-label={t.caseFile.dueDeadlines} data-testid="due-deadlines">
      {items.map((deadline) => (
        <li
          key={`${deadline.caseId}-${deadline.id}`}
          className={deadline.overdue ? 'due-item is-overdue' : 'due-item'}
          data-testid="due-deadline"
          data-id={deadline.id}
        >
          <a href={paths.case(deadline.caseId)} className="due-title">
            {deadline.caseTitle}
          </a>
          <span className="due-status">{deadline.title[ui]}</span>
          <span className="due-date">
            {deadline.overdue && <strong className="overdue-label">{t.home.overdue} · </strong>}
            {t.caseFile.dueOn(deadline.typed ?? deadline.due ?? '')}
          </span>
          <a href={articleHref(deadline.articleId, lang)} className="due-rule">
            {t.home.rule}
          </a>
        </li>
      ))}
    </ul>
  );
}
