import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { Highlight } from './Highlight.js';
import type { SearchController, SearchItem } from './useSearchController.js';

interface Props {
  idPrefix: string;
  search: SearchController;
}

export function optionId(idPrefix: string, index: number): string {
  return `${idPrefix}-option-${index}`;
}

export type SearchSection = 'contacts' | 'notes' | 'articles';

export function listboxId(idPrefix: string, section: SearchSection): string {
  return `${idPrefix}-${section}-listbox`;
}

/**
 * Results in listboxes: the contacts and notes that match (only when some do), then the articles.
 * The input keeps focus and points at the active option.
 */
export function SearchResults({ idPrefix, search }: Props) {
  const t = useT();
  const ui = useUiLang();
  const { outcome, items, activeIndex, fresh } = search;
  if (!outcome) return search.text.trim() ? <p className="search-status">{t.search.searching}</p> : null;

  const renderOption = (item: SearchItem, index: number): ReactNode => {
    const active = index === activeIndex;
    const common = {
      id: optionId(idPrefix, index),
      role: 'option',
      'aria-selected': active,
      className: active ? 'search-option is-active' : 'search-option',
      onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
      onClick: () => search.open(item),
      onMouseMove: () => active || search.setActiveIndex(index),
    } as const;
    if (item.kind === 'article') {
      const { hit } = item;
      return (
        <div key={`a-${hit.id}`} {...common} data-testid="search-result" data-id={hit.id}>
          <span className="search-option-title">
            {hit.title}
            <span className="search-option-meta">
              {t.category[hit.category]} · {t.lang[hit.lang]}
              {hit.translation && ` · ${t.search.alsoIn(t.lang[hit.lang === 'zh' ? 'en' : 'zh'])}`}
            </span>
          </span>
          <span className="search-option-snippet">
            <Highlight parts={hit.snippet} />
          </span>
        </div>
      );
    }
    if (item.kind === 'contact') {
      const { hit } = item;
      return (
        <div key={`c-${hit.id}`} {...common} data-testid="contact-result" data-id={hit.id}>
          <span className="search-option-title">
            {hit.email}
            <span className="search-option-meta">
              {hit.marketplace === 'ALL' ? t.search.everyMarketplace : hit.marketplace}
            </span>
          </span>
          <span className="search-option-snippet">{hit.purpose[ui]}</span>
        </div>
      );
    }
    const { hit } = item;
    return (
      <div key={`n-${hit.noteId}`} {...common} data-testid="note-result" data-id={hit.noteId}>
        <span className="search-option-title">
          {hit.title || t.notes.untitled}
          <span className="search-option-meta">{t.search.inCase(hit.caseTitle)}</span>
        </span>
        <span className="search-option-snippet">
          <Highlight parts={hit.snippet} />
        </span>
      </div>
    );
  };

  const contactCount = outcome.contacts.length;
  const noteCount = outcome.notes.length;
  const section = (key: SearchSection, label: string, sectionItems: SearchItem[], offset: number) => (
    <section className="search-section" aria-labelledby={`${idPrefix}-${key}`}>
      <h3 id={`${idPrefix}-${key}`} className="search-group-label">
        {label}
      </h3>
      {sectionItems.length === 0 ? (
        <p className="search-status">{t.search.noResults}</p>
      ) : (
        <div
          role="listbox"
          id={listboxId(idPrefix, key)}
          aria-labelledby={`${idPrefix}-${key}`}
          className="search-listbox"
        >
          {sectionItems.map((item, index) => renderOption(item, offset + index))}
        </div>
      )}
    </section>
  );
  return (
    <div className={fresh ? 'search-results' : 'search-results is-stale'} data-query={outcome.query}>
      {outcome.didYouMean && (
        <p className="did-you-mean">
          {t.search.didYouMean}{' '}
          <button type="button" className="link-button" onClick={() => search.replaceText(outcome.didYouMean ?? '')}>
            {outcome.didYouMean}
          </button>
          {t.search.questionMark}
        </p>
      )}
      {outcome.partial && (
        <p className="search-partial" data-testid="search-partial">
          {t.search.partial}
        </p>
      )}
      {contactCount > 0 && section('contacts', t.search.contacts, items.slice(0, contactCount), 0)}
      {noteCount > 0 &&
        section('notes', t.search.notes, items.slice(contactCount, contactCount + noteCount), contactCount)}
      {section('articles', t.search.articles, items.slice(contactCount + noteCount), contactCount + noteCount)}
    </div>
  );
}
