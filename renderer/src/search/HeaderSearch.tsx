import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useHash } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { SearchFiltersBar } from './SearchFiltersBar.js';
import { SearchInput } from './SearchInput.js';
import { SearchResults } from './SearchResults.js';
import { useSearchController } from './useSearchController.js';

const ID = 'header-search';

/** The header's search box; its results open below it while it is in use. */
export function HeaderSearch() {
  const t = useT();
  const hash = useHash();
  const container = useRef<HTMLDivElement>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const close = useCallback(() => setDismissed(true), []);
  const search = useSearchController(close, close);
  const showsResults = focusWithin && !dismissed && search.text.trim() !== '';

  // Another page: the results have done their job.
  useEffect(() => setDismissed(true), [hash]);

  // A click anywhere else closes the panel (focus may have vanished with a removed button).
  useEffect(() => {
    if (!showsResults) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setFocusWithin(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [showsResults]);

  // Coming back into the box shows its results again.
  const onFocus = () => {
    if (focusWithin) return;
    setFocusWithin(true);
    setDismissed(false);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
  };
  // Escape from the filters or a button closes too, and returns to the box.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      event.key !== 'Escape' ||
      event.nativeEvent.isComposing ||
      event.keyCode === 229 ||
      event.target === search.inputRef.current
    )
      return;
    setDismissed(true);
    search.inputRef.current?.focus();
  };
  // Clicks on the panel's text keep focus in the box, so the panel stays open.
  const keepFocus = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).closest('select, button, input')) event.preventDefault();
  };

  return (
    <div
      ref={container}
      className="header-search"
      role="search"
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      <SearchInput
        idPrefix={ID}
        search={search}
        showsResults={showsResults}
        testId="search-input"
        onChange={() => setDismissed(false)}
      />
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
