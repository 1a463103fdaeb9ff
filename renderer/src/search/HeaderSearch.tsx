import { useCallback, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { useT } from '../i18n/useT.js';
import { SearchFiltersBar } from './SearchFiltersBar.js';
import { SearchInput } from './SearchInput.js';
import { SearchResults } from './SearchResults.js';
import { useSearchController } from './useSearchController.js';

const ID = 'header-search';

/** The header's search box; its results open below it while it has focus. */
export function HeaderSearch() {
  const t = useT();
  const [focusWithin, setFocusWithin] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setDismissed(true), []);
  const search = useSearchController(close, close);
  const showsResults = focusWithin && !dismissed && search.text.trim() !== '';

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
  };
  // Clicks on the panel's text keep focus in the box, so the panel stays open.
  const keepFocus = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).closest('select, button, input')) event.preventDefault();
  };

  return (
    <div className="header-search" role="search" onFocus={() => setFocusWithin(true)} onBlur={onBlur}>
      <SearchInput idPrefix={ID} search={search} showsResults={showsResults} testId="search-input" inputRef={inputRef} onChange={() => setDismissed(false)} />
      {showsResults && (
        <div className="search-panel" onMouseDown={keepFocus}>
          <SearchFiltersBar idPrefix={ID} filters={search.filters} onChange={search.setFilters} />
          <SearchResults idPrefix={ID} search={search} />
          <p className="search-hint">{t.search.hint}</p>
        </div>
      )}
    </div>
  );
}
