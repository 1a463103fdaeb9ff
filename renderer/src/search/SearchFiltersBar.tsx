import { CATEGORIES, LANGS, MARKETPLACES } from '../../../electron/common/index.js';
import { marketplaceLabel } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { SearchTips } from './SearchTips.js';
import type { SearchFilters } from './useSearch.js';

interface Props {
  idPrefix: string;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}

interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  anyLabel: string;
  value: T | '';
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChange: (value: T | '') => void;
}

/** One filter: a labelled select whose empty choice means "any". */
function FilterSelect<T extends string>({
  id,
  label,
  anyLabel,
  value,
  choices,
  labelOf,
  onChange,
}: FilterSelectProps<T>) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </>
  );
}

/** Language, category and marketplace filters for article results. */
export function SearchFiltersBar({ idPrefix, filters, onChange }: Props) {
  const t = useT();
  const ui = useUiLang();
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t.search.filters}</legend>
      <FilterSelect
        id={`${idPrefix}-lang`}
        label={t.search.language}
        anyLabel={t.search.anyLanguage}
        value={filters.lang}
        choices={LANGS}
        labelOf={(lang) => t.lang[lang]}
        onChange={(lang) => onChange({ ...filters, lang })}
      />
      <FilterSelect
        id={`${idPrefix}-category`}
        label={t.search.category}
        anyLabel={t.search.anyCategory}
        value={filters.category}
        choices={CATEGORIES}
        labelOf={(category) => t.category[category]}
        onChange={(category) => onChange({ ...filters, category })}
      />
      <FilterSelect
        id={`${idPrefix}-marketplace`}
        label={t.search.marketplace}
        anyLabel={t.search.anyMarketplace}
        value={filters.marketplace}
        choices={MARKETPLACES}
        labelOf={(code) => marketplaceLabel(code, ui)}
        onChange={(marketplace) => onChange({ ...filters, marketplace })}
      />
      <SearchTips />
    </fieldset>
  );
}
