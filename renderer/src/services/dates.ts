import { languageTag, type UiLang } from '../i18n/uiLang.js';

/** An ISO instant as a short local date and time, e.g. "2026年11月22日 14:05" or "22 Nov 2026, 14:05". */
export function formatInstant(iso: string, lang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(languageTag(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
