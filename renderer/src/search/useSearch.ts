import { useEffect, useRef, useState } from 'react';
import type { ArticleHit, Category, Contact, Lang, Marketplace, NoteHit } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from '../services/notices.js';

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
  contacts: Contact[];
  didYouMean: string | null;
  /** The articles cover only part of the query. */
  partial: boolean;
}

/**
 * Articles, notes and contacts for `query`, searched on every change (a search takes a few
 * milliseconds; a fixed delay would only add waiting). Latest wins: an answer that arrives after a
 * newer query was asked is dropped, so results never go back to older text.
 */
export function useSearch(query: string, filters: SearchFilters, preferLang: Lang): SearchOutcome | null {
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  const latest = useRef(0);
  const text = query.trim();
  const { lang, category, marketplace } = filters;

  useEffect(() => {
    const asked = ++latest.current;
    if (!text) {
      setOutcome(null);
      return;
    }
    kb.search({
      text,
      preferLang,
      limit: 20,
      ...(lang && { lang }),
      ...(category && { category }),
      ...(marketplace && { marketplace }),
    }).then(
      (result) => {
        if (asked !== latest.current) return;
        setOutcome({
          query: text,
          articles: result.hits,
          notes: result.notes,
          contacts: result.contacts,
          didYouMean: result.didYouMean,
          partial: result.partial,
        });
      },
      (error: unknown) => {
        if (asked === latest.current) reportError(error);
      },
    );
  }, [text, lang, category, marketplace, preferLang]);

  return outcome;
}
