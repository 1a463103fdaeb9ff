import { useState, type FormEvent } from 'react';
import type { CaseCause, Marketplace } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../services/notices.js';
import { navigate, paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { CauseField, MarketplaceField } from './CaseSelects.js';

/** Title, marketplace, cause and notice date; creating opens the new case. */
export function NewCaseForm() {
  const t = useT();
  const [title, setTitle] = useState('');
  const [marketplace, setMarketplace] = useState<Marketplace | null>(null);
  const [cause, setCause] = useState<CaseCause>('other');
  const [noticeReceived, setNoticeReceived] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    try {
      const record = await kb.createCase({
        title: title.trim(),
        marketplace,
        cause,
        noticeReceived: noticeReceived || null,
      });
      navigate(paths.case(record.id));
    } catch (error) {
      reportError(error);
      setBusy(false);
    }
  };

  return (
    <form className="card new-case-form" aria-labelledby="new-case-title" onSubmit={(event) => void submit(event)}>
      <h2 id="new-case-title">{t.cases.newCase}</h2>
      <div className="form-grid">
        <div className="field field-wide">
          <label htmlFor="case-title">{t.cases.caseTitle}</label>
          <input
            id="case-title"
            data-testid="case-title"
            type="text"
            required
            value={title}
            placeholder={t.cases.caseTitlePlaceholder}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <MarketplaceField id="case-marketplace" value={marketplace} onChange={setMarketplace} />
        <CauseField id="case-cause" value={cause} onChange={setCause} />
        <div className="field">
          <label htmlFor="case-notice">{t.cases.noticeReceived}</label>
          <input
            id="case-notice"
            type="date"
            value={noticeReceived}
            onChange={(event) => setNoticeReceived(event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="button-primary" data-testid="case-create" disabled={busy || !title.trim()}>
        {t.cases.create}
      </button>
    </form>
  );
}
