/** Article and library types shared by every door. Plain data: JSON-safe, dates as ISO strings. */

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const CATEGORIES = [
  'start',
  'csba',
  'project-zero',
  'suspension',
  'causes',
  'plan-of-action',
  'teams',
  'funds',
  'fba-removal',
  'user',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/**
 * One source an article relies on, as a reader sees it (title, publisher, date, link). `document`
 * is provenance only (the compiled document the facts were taken from) and is never shown.
 */
export interface SourceRef {
  title: string;
  publisher: string;
  /** Publication date where known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  url: string | null;
  /** Amazon Seller Central help page id, e.g. G200280650. */
  helpId: string | null;
  /** What this source backs. */
  supports: string | null;
  document: string | null;
}

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

export interface ChecklistInfo {
  name: string;
  steps: string[];
}

/** What lists and search results show of an article. */
export interface ArticleSummary {
  id: string;
  title: string;
  lang: Lang;
  category: Category;
  tags: string[];
  summary: string;
  updated: string;
  asOf: string | null;
  marketplaces: Marketplace[];
  translation: string | null;
  /** The file, relative to the repository root (or to the user folder for user articles). */
  path: string;
  /** Set for articles from a user folder: that folder's absolute path. */
  folder: string | null;
}

/** A whole article, rendered and sanitized. */
export interface Article extends ArticleSummary {
  markdown: string;
  html: string;
  headings: Heading[];
  checklists: ChecklistInfo[];
  sources: SourceRef[];
  related: string[];
}

/** One file that could not be loaded, and why. */
export interface ContentProblem {
  path: string;
  message: string;
}

export interface LibraryInfo {
  articleCount: number;
  /** Per category: every article, and (byLang) how many a reader in each language sees (one per twin pair). */
  categories: { category: Category; count: number; byLang: Record<Lang, number> }[];
  problems: ContentProblem[];
  userFolders: UserFolder[];
}

export interface UserFolder {
  path: string;
  articleCount: number;
  problems: ContentProblem[];
}

export interface GlossaryTerm {
  id: string;
  zh: string[];
  en: string[];
  ja: string[];
  definition: { zh: string; en: string };
  article: string | null;
}

export interface Contact {
  id: string;
  email: string;
  team: string;
  marketplace: Marketplace | 'ALL';
  purpose: { zh: string; en: string };
  /** True when the address was repaired from damaged text; `original` keeps that text (for the checks, never shown). */
  reconstructed: boolean;
  original: string | null;
  /** A caveat the reader should see next to the purpose (doubtful address, closed programme), or null. */
  note: { zh: string; en: string } | null;
  source: string;
  article: string | null;
}
