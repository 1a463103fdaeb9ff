import { languageTag } from '../i18n/uiLang.js';
import { resolveUiLanguage, themeStore, uiLanguageStore, zoomStore } from './preferences.js';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/** Puts theme, text size and language on <html>, now and whenever they change. */
export function applyAppearance(): void {
  const root = document.documentElement;
  const update = () => {
    const theme = themeStore.get();
    root.dataset.theme = theme === 'system' ? (darkQuery.matches ? 'dark' : 'light') : theme;
    root.style.fontSize = `${Number(zoomStore.get())}%`;
    root.lang = languageTag(resolveUiLanguage(uiLanguageStore.get()));
  };
  update();
  themeStore.subscribe(update);
  zoomStore.subscribe(update);
  uiLanguageStore.subscribe(update);
  darkQuery.addEventListener('change', update);
}
