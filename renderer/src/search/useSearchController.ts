import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type CompositionEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { ArticleHit, Contact, NoteHit } from '../../../electron/common/index.js';
import { navigate, paths } from '../services/router.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { NO_FILTERS, useSearch, type SearchFilters, type SearchOutcome } from './useSearch.js';

export type SearchItem =
  { kind: 'article'; hit: ArticleHit } | { kind: 'note'; hit: NoteHit } | { kind: 'contact'; hit: Contact };

export interface SearchController {
  text: string;
  filters: SearchFilters;
  setFilters: (filters: SearchFilters) => void;
  outcome: SearchOutcome | null;
  /** True when the shown results belong to the text in the box. */
  fresh: boolean;
  items: SearchItem[];
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  open: (item: SearchItem) => void;
  /** Puts `text` in the box (e.g. a "did you mean" spelling), searches it and focuses the box. */
  replaceText: (text: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  inputProps: {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onCompositionStart: () => void;
    onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
}

/** True while an input method is composing: such keys belong to the IME, never to the app. */
function isComposingKey(event: KeyboardEvent<HTMLInputElement>, composing: boolean): boolean {
  return composing || event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * The state behind a search box: text, IME-aware querying, filters, results and keyboard moves.
 * `onOpened` runs after a result is opened; `onEscape` when Escape is pressed outside composition.
 */
export function useSearchController(onOpened: () => void, onEscape: () => void): SearchController {
  const preferLang = usePreferredArticleLang();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [activeIndex, setActiveIndex] = useState(-1);
  const composing = useRef(false);
  const openWhenReady = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const outcome = useSearch(query, filters, preferLang);
  const fresh = outcome !== null && outcome.query === text.trim();

  const items = useMemo<SearchItem[]>(
    // In the order shown: the contacts and notes that match (few, and strong matches), then the articles.
    () => [
      ...(outcome?.contacts ?? []).map((hit) => ({ kind: 'contact' as const, hit })),
      ...(outcome?.notes ?? []).map((hit) => ({ kind: 'note' as const, hit })),
      ...(outcome?.articles ?? []).map((hit) => ({ kind: 'article' as const, hit })),
    ],
    [outcome],
  );

  useEffect(() => setActiveIndex(-1), [outcome]);

  const open = useCallback(
    (item: SearchItem) => {
      navigate(
        item.kind === 'article'
          ? paths.article(item.hit.id)
          : item.kind === 'note'
            ? paths.case(item.hit.caseId, item.hit.noteId)
            : paths.contacts(),
      );
      onOpened();
    },
    [onOpened],
  );

  // Enter pressed before the answer arrived: open its first result once it is here.
  useEffect(() => {
    if (!openWhenReady.current || !fresh) return;
    openWhenReady.current = false;
    const first = items[0];
    if (first) open(first);
  }, [fresh, items, open]);

  const replaceText = useCallback((next: string) => {
    setText(next);
    setQuery(next);
    inputRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isComposingKey(event, composing.current)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) =>
        index === -1 && step === -1 ? items.length - 1 : (index + step + items.length) % items.length,
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!text.trim()) return;
      const chosen = fresh ? (items[activeIndex] ?? items[0]) : undefined;
      if (chosen) open(chosen);
      else if (!fresh) {
        openWhenReady.current = true;
        setQuery(text);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };

  return {
    text,
    filters,
    setFilters,
    outcome,
    fresh,
    items,
    activeIndex,
    setActiveIndex,
    open,
    replaceText,
    inputRef,
    inputProps: {
      value: text,
      onChange: (event) => {
        const value = event.target.value;
        setText(value);
        openWhenReady.current = false;
        if (!composing.current && !(event.nativeEvent as InputEvent).isComposing) setQuery(value);
      },
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: (event) => {
        composing.current = false;
        setQuery(event.currentTarget.value);
      },
      onKeyDown,
    },
  };
}
