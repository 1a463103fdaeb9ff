import { useT } from '../i18n/useT.js';
import { listboxId, optionId } from './SearchResults.js';
import type { SearchController } from './useSearchController.js';

interface Props {
  idPrefix: string;
  search: SearchController;
  showsResults: boolean;
  testId: string;
  autoFocus?: boolean;
  onChange?: () => void;
}

/** The search field: role="searchbox", pointing at the active result while focus stays here. */
export function SearchInput({ idPrefix, search, showsResults, testId, autoFocus, onChange }: Props) {
  const t = useT();
  const { inputProps, activeIndex, items, outcome } = search;
  const controls =
    showsResults && outcome
      ? [
          outcome.articles.length > 0 && listboxId(idPrefix, 'articles'),
          outcome.notes.length > 0 && listboxId(idPrefix, 'notes'),
        ]
          .filter(Boolean)
          .join(' ')
      : '';
  return (
    <input
      ref={search.inputRef}
      type="search"
      role="searchbox"
      className="search-input"
      data-testid={testId}
      aria-label={t.search.label}
      placeholder={t.search.placeholder}
      autoComplete="off"
      spellCheck={false}
      autoFocus={autoFocus}
      aria-controls={controls || undefined}
      aria-activedescendant={
        showsResults && activeIndex >= 0 && activeIndex < items.length ? optionId(idPrefix, activeIndex) : undefined
      }
      {...inputProps}
      onChange={(event) => {
        inputProps.onChange(event);
        onChange?.();
      }}
    />
  );
}
