import type { CaseRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { paths } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';

/** The deadline rule (content/deadlines.json) that sets the follow-up after an appeal. */
const FOLLOW_UP_RULE = 'follow-up-after-appeal';

/** The next follow-up date, and where it came from when the after-appeal rule set it. */
export function FollowUp({ record, ruleJustApplied }: { record: CaseRecord; ruleJustApplied: boolean }) {
  const t = useT();
  const lang = usePreferredArticleLang();
  const { nextFollowUp } = record;
  const schedule = useLoad(() => kb.listCaseDeadlines({ caseId: record.id }), [record.id, record.updatedAt]);
  const rule = schedule.data?.deadlines.find((deadline) => deadline.id === FOLLOW_UP_RULE);
  const fromRule =
    nextFollowUp !== null &&
    (ruleJustApplied || (rule !== undefined && rule.typed === null && rule.due === nextFollowUp));
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
