import type { ArticleSummary, Lang } from '../../../electron/common/index.js';

/** One article per twin pair: the one in `lang` when it exists, otherwise the one there is. */
export function preferredArticles(articles: ArticleSummary[], lang: Lang): ArticleSummary[] {
  const ids = new Set(articles.map((article) => article.id));
  return articles.filter((article) => article.lang === lang || !article.translation || !ids.has(article.translation));
}
