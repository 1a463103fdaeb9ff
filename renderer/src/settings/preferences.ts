import { createStore, useStore } from '../app/store.js';
import { oneOf } from '../app/storage.js';
import { systemLanguage, type UiLang } from '../i18n/uiLang.js';

export const UI_LANGUAGE_CHOICES = ['system', 'zh', 'en'] as const;
export type UiLanguageChoice = (typeof UI_LANGUAGE_CHOICES)[number];

export const ARTICLE_LANGUAGE_CHOICES = ['ui', 'zh', 'en'] as const;
export type ArticleLanguageChoice = (typeof ARTICLE_LANGUAGE_CHOICES)[number];

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const ZOOM_CHOICES = ['90', '100', '110', '125', '150'] as const;
export type ZoomChoice = (typeof ZOOM_CHOICES)[number];

export const uiLanguageStore = createStore<UiLanguageChoice>('ui-language', oneOf(UI_LANGUAGE_CHOICES), 'system');
export const articleLanguageStore = createStore<ArticleLanguageChoice>('article-language', oneOf(ARTICLE_LANGUAGE_CHOICES), 'ui');
export const themeStore = createStore<ThemeChoice>('theme', oneOf(THEME_CHOICES), 'system');
export const zoomStore = createStore<ZoomChoice>('zoom', oneOf(ZOOM_CHOICES), '100');

export function resolveUiLanguage(choice: UiLanguageChoice): UiLang {
  return choice === 'system' ? systemLanguage() : choice;
}

/** The interface language in effect. */
export function useUiLang(): UiLang {
  return resolveUiLanguage(useStore(uiLanguageStore));
}

/** The language articles are preferred in (search's preferLang, twin offers, home links). */
export function usePreferredArticleLang(): UiLang {
  const choice = useStore(articleLanguageStore);
  const ui = useUiLang();
  return choice === 'ui' ? ui : choice;
}
