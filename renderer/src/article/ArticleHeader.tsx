import type { Article } from '../../../electron/common/index.js';
import { useLibrary } from '../services/library.js';
import { navigate, paths } from '../services/router.js';
import { toggleBookmark, useBookmarks } from '../home/readingHistory.js';
import { marketplaceName } from '../i18n/marketplaces.js';
import { languageTag } from '../i18n/uiLang.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { isStale } from './staleness.js';

/** Title, dates, tags and the article's actions (twin language, bookmark, print). */
export function ArticleHeader({ article }: { article: Article }) {
  const t = useT();
  const ui = useUiLang();
  const { byId, loaded } = useLibrary();
  const bookmarked = useBookmarks().some((ref) => ref.id === article.id);
  const twin = article.translation;
  const twinAvailable = twin !== null && (!loaded || byId.has(twin));
  const otherLang = article.lang === 'zh' ? 'en' : 'zh';

  return (
    <header className="article-header">
      <p className="article-category">
        <a href={paths.category(article.category)}>{t.category[article.category]}</a>
      </p>
      <h1 id="article-title" lang={languageTag(article.lang)}>
        {article.title}
      </h1>
      <dl className="article-meta">
        {article.asOf && (
          <div className="meta-asof">
            <dt>{t.article.asOf}</dt>
            <dd>{article.asOf}</dd>
          </div>
        )}
        <div>
          <dt>{t.article.updated}</dt>
          <dd>{article.updated}</dd>
        </div>
        {article.marketplaces.length > 0 && (
          <div>
            <dt>{t.article.marketplaces}</dt>
            <dd>{article.marketplaces.map((code) => `${code} ${marketplaceName(code, ui)}`).join('、')}</dd>
          </div>
        )}
        {article.folder && (
          <div>
            <dt>{t.article.userFolder}</dt>
            <dd>{article.folder}</dd>
          </div>
        )}
      </dl>
      {article.asOf && isStale(article.asOf, new Date()) && (
        <p className="article-stale" role="note" data-testid="stale-facts">
          {t.trust.stale(article.asOf)}
        </p>
      )}
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label={t.article.tags}>
          {article.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="article-toolbar" role="toolbar" aria-label={t.article.toolbar}>
        {twin && twinAvailable && (
          <button type="button" data-testid="switch-language" onClick={() => navigate(paths.article(twin))}>
            {t.article.switchTo(t.lang[otherLang])}
          </button>
        )}
        <button
          type="button"
          aria-pressed={bookmarked}
          onClick={() => toggleBookmark({ id: article.id, title: article.title, lang: article.lang })}
        >
          {bookmarked ? `★ ${t.article.bookmarked}` : `☆ ${t.article.bookmark}`}
        </button>
        <button type="button" data-testid="print-article" onClick={() => window.print()}>
          {t.article.print}
        </button>
      </div>
    </header>
  );
}
