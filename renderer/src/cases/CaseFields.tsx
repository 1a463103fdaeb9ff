import { useState } from 'react';
import { CASE_STATUSES, type CaseInput, type CaseRecord, type CaseStatus } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../services/notices.js';
import { useT } from '../i18n/useT.js';
import { parseAsins } from './caseDates.js';
import { CommitDateField, CommitTextField } from './CommitFields.js';
import { CauseField, MarketplaceField } from './CaseSelects.js';
import { FollowUp } from './FollowUp.js';

/** Every field of a case, each saved when it changes. */
export function CaseFields({ record, onUpdated }: { record: CaseRecord; onUpdated: (record: CaseRecord) => void }) {
  const t = useT();
  const [ruleJustApplied, setRuleJustApplied] = useState(false);

  const update = async (changes: Partial<CaseInput>) => {
    try {
      const updated = await kb.updateCase({ id: record.id, changes });
      if (changes.status === 'appeal-sent' && record.status !== 'appeal-sent') setRuleJustApplied(true);
      if (changes.nextFollowUp !== undefined) setRuleJustApplied(false);
      onUpdated(updated);
    } catch (error) {
      reportError(error);
      onUpdated(record);
    }
  };

  return (
    <section className="card case-fields" aria-labelledby="case-fields-title">
      <h2 id="case-fields-title">{t.cases.details}</h2>
      <FollowUp record={record} ruleJustApplied={ruleJustApplied} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="case-status">{t.cases.status}</label>
          <select
            id="case-status"
            data-testid="case-status"
            value={record.status}
            onChange={(event) => void update({ status: event.target.value as CaseStatus })}
          >
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.status[status]}
              </option>
            ))}
          </select>
        </div>
        <CommitTextField
          id="case-edit-title"
          label={t.cases.caseTitle}
          value={record.title}
          onCommit={(title) => title && void update({ title })}
        />
        <MarketplaceField
          id="case-edit-marketplace"
          value={record.marketplace}
          onChange={(marketplace) => void update({ marketplace })}
        />
        <CauseField id="case-edit-cause" value={record.cause} onChange={(cause) => void update({ cause })} />
        <CommitDateField
          id="case-edit-notice"
          label={t.cases.noticeReceived}
          value={record.noticeReceived ?? ''}
          onCommit={(date) => void update({ noticeReceived: date || null })}
        />
        <CommitDateField
          id="case-edit-appeal"
          label={t.cases.appealSent}
          value={record.appealSent ?? ''}
          onCommit={(date) => void update({ appealSent: date || null })}
        />
        <CommitDateField
          id="case-edit-follow-up"
          label={t.cases.nextFollowUp}
          value={record.nextFollowUp ?? ''}
          onCommit={(date) => void update({ nextFollowUp: date || null })}
        />
        <CommitTextField
          id="case-edit-asins"
          label={t.cases.asins}
          hint={t.cases.asinsHint}
          value={record.asins.join(', ')}
          testId="case-asins"
          onCommit={(text) => void update({ asins: parseAsins(text) })}
        />
      </div>
    </section>
  );
}
