import type { UiLanguageChoice } from '../../../electron/common/index.js';
import { useStore } from '../services/store.js';
import { systemLanguage, type UiLang } from '../i18n/uiLang.js';
import { preferenceStore } from './preferenceStores.js';

export {
  ARTICLE_LANGUAGE_CHOICES,
  THEME_CHOICES,
  UI_LANGUAGE_CHOICES,
  ZOOM_CHOICES,
} from '../../../electron/common/index.js';
export type {
  ArticleLanguageChoice,
  ThemeChoice,
  UiLanguageChoice,
  ZoomChoice,
} from '../../../electron/common/index.js';

export const uiLanguageStore = preferenceStore('uiLanguage');
export const articleLanguageStore = preferenceStore('articleLanguage');
export const themeStore = preferenceStore('theme');
export const zoomStore = preferenceStore('zoom');

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
