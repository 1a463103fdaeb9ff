import type { CaseRecord } from '../../../electron/common/index.js';
import { paths } from '../app/router.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { addDays } from './caseDates.js';

const AFTER_APPEAL_DAYS = 7;

/** The next follow-up date, and where it came from when the after-appeal rule set it. */
export function FollowUp({ record, ruleJustApplied }: { record: CaseRecord; ruleJustApplied: boolean }) {
  const t = useT();
  const lang = usePreferredArticleLang();
  const { nextFollowUp, appealSent, status } = record;
  const fromRule = nextFollowUp !== null && (ruleJustApplied || (status === 'appeal-sent' && appealSent !== null && nextFollowUp === addDays(appealSent, AFTER_APPEAL_DAYS)));
  return (
    <div className={fromRule ? 'follow-up has-rule' : 'follow-up'}>
      <p className="follow-up-date">
        <span className="follow-up-label">
          {t.cases.nextFollowUp}
          {t.common.colon}
        </span>
        <strong data-testid="case-follow-up">{nextFollowUp ?? t.cases.noFollowUp}</strong>
      </p>
      {fromRule && (
        <p className="follow-up-rule" data-testid="case-follow-up-rule">
          {t.cases.followUpRule}
          <a href={paths.article(`after-appeal-${lang}`)}>{t.cases.followUpRuleArticle}</a>
          {t.cases.followUpRuleDays}
        </p>
      )}
    </div>
  );
}
