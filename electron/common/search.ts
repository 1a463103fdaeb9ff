import type { ArticleSummary, Category, Lang, Marketplace } from './content.js';

export interface SearchQuery {
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
}
