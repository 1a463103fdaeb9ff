import type { Category } from '../../../electron/common/index.js';
import { useLibrary } from '../services/library.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { ArticleList } from './ArticleList.js';
import { preferredArticles } from './preferredArticles.js';

/** The articles of one category, in the preferred reading language. */
export function CategoryPage({ category }: { category: Category }) {
  const t = useT();
  const lang = usePreferredArticleLang();
  const { articles, loaded } = useLibrary();
  const shown = preferredArticles(
    articles.filter((article) => article.category === category),
    lang,
  );
  return (
    <div className="page">
      <h1>{t.category[category]}</h1>
      {!loaded ? (
        <p className="muted">{t.common.loading}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t.library.empty}</p>
      ) : (
        <>
          <p className="muted">{t.library.articles(shown.length)}</p>
          <ArticleList articles={shown} />
        </>
      )}
    </div>
  );
}
