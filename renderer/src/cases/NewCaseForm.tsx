import { useState, type FormEvent } from 'react';
import { CASE_CAUSES, MARKETPLACES, type CaseCause, type Marketplace } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../app/notices.js';
import { navigate, paths } from '../app/router.js';
import { marketplaceLabel } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';

/** Title, marketplace, cause and notice date; creating opens the new case. */
export function NewCaseForm() {
  const t = useT();
  const ui = useUiLang();
  const [title, setTitle] = useState('');
  const [marketplace, setMarketplace] = useState<Marketplace | ''>('');
  const [cause, setCause] = useState<CaseCause>('other');
  const [noticeReceived, setNoticeReceived] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    try {
      const record = await kb.createCase({ title: title.trim(), marketplace: marketplace || null, cause, noticeReceived: noticeReceived || null });
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
          <input id="case-title" data-testid="case-title" type="text" required value={title} placeholder={t.cases.caseTitlePlaceholder} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-marketplace">{t.cases.marketplace}</label>
          <select id="case-marketplace" value={marketplace} onChange={(event) => setMarketplace(event.target.value as Marketplace | '')}>
            <option value="">{t.cases.noMarketplace}</option>
            {MARKETPLACES.map((code) => (
              <option key={code} value={code}>
                {marketplaceLabel(code, ui)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-cause">{t.cases.cause}</label>
          <select id="case-cause" value={cause} onChange={(event) => setCause(event.target.value as CaseCause)}>
            {CASE_CAUSES.map((value) => (
              <option key={value} value={value}>
                {t.cause[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-notice">{t.cases.noticeReceived}</label>
          <input id="case-notice" type="date" value={noticeReceived} onChange={(event) => setNoticeReceived(event.target.value)} />
        </div>
      </div>
      <button type="submit" className="button-primary" data-testid="case-create" disabled={busy || !title.trim()}>
        {t.cases.create}
      </button>
    </form>
  );
}
