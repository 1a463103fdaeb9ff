import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useT } from '../i18n/useT.js';
import { SearchFiltersBar } from './SearchFiltersBar.js';
import { SearchInput } from './SearchInput.js';
import { SearchResults } from './SearchResults.js';
import { useFocusTrap } from './useFocusTrap.js';
import { useSearchController } from './useSearchController.js';

const ID = 'palette';

/** Ctrl/Cmd+K: the same search in a modal dialog that keeps focus until it closes. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDivElement>(null);
  const search = useSearchController(onClose, onClose);
  useFocusTrap(dialog);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      onClose();
    }
  };
  const onBackdrop = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    <div className="palette-backdrop" onMouseDown={onBackdrop}>
      <div
        ref={dialog}
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby="palette-title"
        data-testid="palette"
        onKeyDown={onKeyDown}
      >
        <div className="palette-head">
          <h2 id="palette-title" className="palette-title">
            {t.search.palette}
          </h2>
          <button type="button" className="button-icon" aria-label={t.common.close} onClick={onClose}>
            ×
          </button>
        </div>
        <SearchInput idPrefix={ID} search={search} showsResults testId="palette-input" autoFocus />
        <SearchFiltersBar idPrefix={ID} filters={search.filters} onChange={search.setFilters} />
        <div className="palette-results" role="region" aria-label={t.search.results} tabIndex={0}>
          <SearchResults idPrefix={ID} search={search} />
        </div>
        <p className="search-hint">{t.search.hint}</p>
      </div>
    </div>
  );
}
