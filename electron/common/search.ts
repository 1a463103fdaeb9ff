import type { ArticleSummary, Category, Contact, Lang, Marketplace } from './content.js';
import type { NoteHit } from './notebook.js';

export interface SearchQuery {
  /** Words, with operators: `"exact phrase"`, `-exclude`, `in:notes`, `in:articles`, `cause:<id>`, `market:DE`. */
  text: string;
  /** Only this language. */
  lang?: Lang;
  /** Rank this language first when both twins match. */
  preferLang?: Lang;
  category?: Category;
  marketplace?: Marketplace;
  limit?: number;
}

/** A run of text; `match` marks the words the query matched, for highlighting without HTML. */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface ArticleHit extends ArticleSummary {
  score: number;
  snippet: TextPart[];
}

export interface SearchResult {
  hits: ArticleHit[];
  /** A spelling from the library's vocabulary when the query found nothing. */
  didYouMean: string | null;
  /** True when no article holds the whole query and the hits cover part of it ("showing results for part of your question"). */
  partial: boolean;
  /** Notes of the notebook that match (none while it is locked, or with `in:articles`). */
  notes: NoteHit[];
  /** Contacts matching every word of the query (team, marketplace, address, purpose). */
  contacts: Contact[];
}
