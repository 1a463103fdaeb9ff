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

export interface SourceRef {
  seed: string;
  supports: string;
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
  reconstructed: boolean;
  original: string | null;
  source: string;
  article: string | null;
}
