import { CASE_CAUSES, MARKETPLACES, type CaseCause, type Marketplace } from '../../../electron/common/index.js';
import { marketplaceLabel } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';

/** A labelled marketplace select with a "not set" option; shared by the new-case form and the case page. */
export function MarketplaceField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Marketplace | null;
  onChange: (value: Marketplace | null) => void;
}) {
  const t = useT();
  const ui = useUiLang();
  return (
    <div className="field">
      <label htmlFor={id}>{t.cases.marketplace}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange((event.target.value || null) as Marketplace | null)}
      >
        <option value="">{t.cases.noMarketplace}</option>
        {MARKETPLACES.map((code) => (
          <option key={code} value={code}>
            {marketplaceLabel(code, ui)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled select of the seven causes and "other". */
export function CauseField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: CaseCause;
  onChange: (value: CaseCause) => void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t.cases.cause}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as CaseCause)}>
        {CASE_CAUSES.map((cause) => (
          <option key={cause} value={cause}>
            {t.cause[cause]}
          </option>
        ))}
      </select>
    </div>
  );
}
