import { useEffect, useState } from 'react';
import type { ArticleHit, Category, Lang, Marketplace, NoteHit } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { notebookLocked } from '../app/notebookSecurity.js';
import { reportError } from '../app/notices.js';

export interface SearchFilters {
  lang: Lang | '';
  category: Category | '';
  marketplace: Marketplace | '';
}

export const NO_FILTERS: SearchFilters = { lang: '', category: '', marketplace: '' };

/** What one query found; `query` says which text these results belong to. */
export interface SearchOutcome {
  query: string;
  articles: ArticleHit[];
  notes: NoteHit[];
  didYouMean: string | null;
}

const DEBOUNCE_MS = 120;

/** Articles and notes for `query`, searched ~120 ms after the last change; stale answers are dropped. */
export function useSearch(query: string, filters: SearchFilters, preferLang: Lang): SearchOutcome | null {
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  const text = query.trim();
  const { lang, category, marketplace } = filters;

  useEffect(() => {
    if (!text) {
      setOutcome(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      const articles = kb.search({ text, preferLang, limit: 20, ...(lang && { lang }), ...(category && { category }), ...(marketplace && { marketplace }) });
      // A locked notebook has no notes to search yet; the articles are found all the same.
      const notes = notebookLocked() ? Promise.resolve([]) : kb.searchNotes({ text, limit: 5 });
      void Promise.allSettled([articles, notes]).then(([articleResult, noteResult]) => {
        if (!current) return;
        if (articleResult.status === 'rejected') reportError(articleResult.reason);
        if (noteResult.status === 'rejected') reportError(noteResult.reason);
        setOutcome({
          query: text,
          articles: articleResult.status === 'fulfilled' ? articleResult.value.hits : [],
          notes: noteResult.status === 'fulfilled' ? noteResult.value : [],
          didYouMean: articleResult.status === 'fulfilled' ? articleResult.value.didYouMean : null,
        });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, lang, category, marketplace, preferLang]);

  return outcome;
}
