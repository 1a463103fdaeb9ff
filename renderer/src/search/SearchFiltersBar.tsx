import { CATEGORIES, LANGS, MARKETPLACES, type Category, type Lang, type Marketplace } from '../../../electron/common/index.js';
import { marketplaceLabel } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import type { SearchFilters } from './useSearch.js';

interface Props {
  idPrefix: string;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}

/** Language, category and marketplace filters for article results. */
export function SearchFiltersBar({ idPrefix, filters, onChange }: Props) {
  const t = useT();
  const ui = useUiLang();
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t.search.filters}</legend>
      <label htmlFor={`${idPrefix}-lang`} className="visually-hidden">
        {t.search.language}
      </label>
      <select id={`${idPrefix}-lang`} value={filters.lang} onChange={(event) => onChange({ ...filters, lang: event.target.value as Lang | '' })}>
        <option value="">{t.search.anyLanguage}</option>
        {LANGS.map((lang) => (
          <option key={lang} value={lang}>
            {t.lang[lang]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-category`} className="visually-hidden">
        {t.search.category}
      </label>
      <select id={`${idPrefix}-category`} value={filters.category} onChange={(event) => onChange({ ...filters, category: event.target.value as Category | '' })}>
        <option value="">{t.search.anyCategory}</option>
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t.category[category]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-marketplace`} className="visually-hidden">
        {t.search.marketplace}
      </label>
      <select id={`${idPrefix}-marketplace`} value={filters.marketplace} onChange={(event) => onChange({ ...filters, marketplace: event.target.value as Marketplace | '' })}>
        <option value="">{t.search.anyMarketplace}</option>
        {MARKETPLACES.map((code) => (
          <option key={code} value={code}>
            {marketplaceLabel(code, ui)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
