import { kb } from '../api/index.js';
import { paths } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { marketplaceName } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { ExportButtons } from './ExportButtons.js';
import { NoticePaste } from '../caseFile/NoticePaste.js';
import { NewCaseForm } from './NewCaseForm.js';

/** The notebook: every case, the new-case form, and export of everything. */
export function CasesPage() {
  const t = useT();
  const ui = useUiLang();
  const cases = useLoad(() => kb.listCases(), []);
  const list = cases.data ?? [];
  return (
    <div className="page page-wide">
      <h1>{t.cases.title}</h1>
      <p className="lead">{t.cases.intro}</p>
      <div className="cases-layout">
        <section aria-labelledby="case-list-title" className="case-list-section">
          <h2 id="case-list-title">{t.cases.list}</h2>
          {cases.loading && !cases.data ? (
            <p className="muted">{t.common.loading}</p>
          ) : list.length === 0 ? (
            <p className="muted">{t.cases.empty}</p>
          ) : (
            <ul className="case-list">
              {list.map((record) => (
                <li key={record.id} className="case-card" data-testid="case-item" data-id={record.id}>
                  <a href={paths.case(record.id)} className="case-card-title">
                    {record.title}
                  </a>
                  <span className={`status-badge status-${record.status}`}>{t.status[record.status]}</span>
                  <span className="case-card-meta">
                    {[
                      record.marketplace && marketplaceName(record.marketplace, ui),
                      t.cause[record.cause],
                      t.cases.notes(record.noteCount),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {record.nextFollowUp && (
                    <span className="case-card-meta">
                      {t.cases.nextFollowUp}
                      {t.common.colon}
                      {record.nextFollowUp}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {list.length > 0 && (
            <div className="export-all">
              <h3>{t.cases.exportAll}</h3>
              <ExportButtons />
            </div>
          )}
        </section>
        <div className="new-case-column">
          <NewCaseForm />
          <NoticePaste id="cases-notice" />
        </div>
      </div>
    </div>
  );
}
