/**
 * Preferences of the interface (language, theme, zoom) and the reading lists (bookmarks, recently
 * read): kept by the core in a small file of the data folder, so the desktop app and web mode share
 * them and they work while an encrypted notebook is locked.
 */
import type { Lang } from './content.js';
import { KbError } from './errors.js';

export const UI_LANGUAGE_CHOICES = ['system', 'zh', 'en'] as const;
export type UiLanguageChoice = (typeof UI_LANGUAGE_CHOICES)[number];

export const ARTICLE_LANGUAGE_CHOICES = ['ui', 'zh', 'en'] as const;
export type ArticleLanguageChoice = (typeof ARTICLE_LANGUAGE_CHOICES)[number];

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const ZOOM_CHOICES = ['90', '100', '110', '125', '150'] as const;
export type ZoomChoice = (typeof ZOOM_CHOICES)[number];

/** What a list of articles needs to show a link without asking for the article. */
export interface ArticleRef {
  id: string;
  title: string;
  lang: Lang;
}

export interface Preferences {
  uiLanguage: UiLanguageChoice;
  articleLanguage: ArticleLanguageChoice;
  theme: ThemeChoice;
  zoom: ZoomChoice;
  bookmarks: ArticleRef[];
  recent: ArticleRef[];
}

export type PreferenceName = keyof Preferences;

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  uiLanguage: 'system',
  articleLanguage: 'ui',
  theme: 'system',
  zoom: '100',
  bookmarks: [],
  recent: [],
});

export const MAX_BOOKMARKS = 500;
export const MAX_RECENT = 8;
const MAX_TEXT = 500;

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isArticleRef(value: unknown): value is ArticleRef {
  const ref = value as Partial<ArticleRef> | null;
  return (
    typeof ref === 'object' &&
    ref !== null &&
    typeof ref.id === 'string' &&
    ref.id.length > 0 &&
    ref.id.length <= MAX_TEXT &&
    typeof ref.title === 'string' &&
    ref.title.length <= MAX_TEXT &&
    (ref.lang === 'zh' || ref.lang === 'en')
  );
}

function isArticleRefs(value: unknown, max: number): value is ArticleRef[] {
  return Array.isArray(value) && value.length <= max && value.every(isArticleRef);
}

/** For each preference: whether a value is one it may take. */
export const PREFERENCE_CHECKS: { readonly [Name in PreferenceName]: (value: unknown) => value is Preferences[Name] } =
  {
    uiLanguage: (value): value is UiLanguageChoice => isOneOf(UI_LANGUAGE_CHOICES, value),
    articleLanguage: (value): value is ArticleLanguageChoice => isOneOf(ARTICLE_LANGUAGE_CHOICES, value),
    theme: (value): value is ThemeChoice => isOneOf(THEME_CHOICES, value),
    zoom: (value): value is ZoomChoice => isOneOf(ZOOM_CHOICES, value),
    bookmarks: (value): value is ArticleRef[] => isArticleRefs(value, MAX_BOOKMARKS),
    recent: (value): value is ArticleRef[] => isArticleRefs(value, MAX_RECENT),
  };

export const PREFERENCE_NAMES = Object.keys(DEFAULT_PREFERENCES) as PreferenceName[];

function isPreferenceName(name: string): name is PreferenceName {
  return (PREFERENCE_NAMES as string[]).includes(name);
}

/** Checks a change of some preferences; throws INVALID_INPUT naming the first wrong one. */
export function validatePreferenceChanges(value: unknown): Partial<Preferences> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new KbError(
      'INVALID_INPUT',
      `Preferences: the change must be an object of preference names (${PREFERENCE_NAMES.join(', ')}) and values`,
    );
  const changes: Partial<Record<PreferenceName, unknown>> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!isPreferenceName(name))
      throw new KbError(
        'INVALID_INPUT',
        `Preferences: "${name.slice(0, 40)}" is not a preference (known: ${PREFERENCE_NAMES.join(', ')})`,
      );
    if (!PREFERENCE_CHECKS[name](entry))
      throw new KbError('INVALID_INPUT', `Preferences: "${name}" has a value it cannot take`);
    changes[name] = entry;
  }
  return changes as Partial<Preferences>;
}

/** The preferences in `stored`, each wrong or missing one replaced by its default. */
export function preferencesFrom(stored: unknown): Preferences {
  const fields = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<
    Record<PreferenceName, unknown>
  >;
  const result: Partial<Record<PreferenceName, unknown>> = {};
  for (const name of PREFERENCE_NAMES) {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    result[name] = PREFERENCE_CHECKS[name](value) ? value : structuredClone(DEFAULT_PREFERENCES[name]);
  }
  return result as Preferences;
}
