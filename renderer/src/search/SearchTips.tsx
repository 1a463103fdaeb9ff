import { useId, useState } from 'react';
import { useT } from '../i18n/useT.js';

/** A "Search tips" button that shows the query operators and pinyin search, explained. */
export function SearchTips() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="search-tips">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="search-tips"
        onClick={() => setOpen((value) => !value)}
      >
        {t.search.operatorsButton}
      </button>
      {open && (
        <dl id={panelId} className="search-tips-panel" aria-label={t.search.operatorsTitle}>
          {t.search.operators.map(([example, meaning]) => (
            <div key={example} className="search-tip">
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
