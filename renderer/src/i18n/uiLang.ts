import type { Lang } from '../../../electron/common/index.js';

/** The interface languages: the same two as the library. */
export type UiLang = Lang;

/** The interface language the system asks for: Chinese for any zh-* locale, English otherwise. */
export function systemLanguage(): UiLang {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

/** BCP 47 tag for <html lang> and Intl. */
export function languageTag(lang: UiLang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
