import { paths } from '../services/router.js';

/** The link to a library article in the reader's preferred language (rules and the analyzer name the -en twin). */
export function articleHref(articleId: string, lang: 'zh' | 'en'): string {
  return paths.article(articleId.replace(/-(?:en|zh)$/, `-${lang}`));
}

/** Where a rule's source lives: a public address, or an article of the library. */
export function sourceHref(url: string, lang: 'zh' | 'en'): string {
  return url.startsWith('article:') ? articleHref(url.slice('article:'.length), lang) : url;
}
