import type { ArticleSummary } from '../../../electron/common/index.js';
import { paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { tallyOf, useTally } from './checklistTotals.js';

/** Article cards: title, summary, date, and checklist progress where it is known. */
export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  const t = useT();
  const tally = useTally();
  return (
    <ul className="article-list">
      {articles.map((article) => {
        const progress = tallyOf(tally, article.id);
        return (
          <li key={article.id} className="article-card" lang={article.lang === 'zh' ? 'zh-CN' : 'en'}>
            <a href={paths.article(article.id)} className="article-card-title">
              {article.title}
            </a>
            <p className="article-card-summary">{article.summary}</p>
            <p className="article-card-meta">
              <span>
                {t.article.updated} {article.updated}
              </span>
              {progress && progress.total > 0 && (
                <span
                  className={progress.done === progress.total ? 'progress-pill is-complete' : 'progress-pill'}
                  aria-label={t.article.progressLabel(progress.done, progress.total)}
                >
                  {t.library.checklistDone(progress.done, progress.total)}
                </span>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
