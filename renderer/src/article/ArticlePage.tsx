import { useEffect } from 'react';
import { KbError, type Article } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { errorMessage } from '../services/notices.js';
import { useLoad } from '../services/useLoad.js';
import { recordRead } from '../home/readingHistory.js';
import { useT } from '../i18n/useT.js';
import { ArticleBody } from './ArticleBody.js';
import { ArticleHeader } from './ArticleHeader.js';
import { ChecklistSummary } from './ChecklistSummary.js';
import { RelatedArticles } from './RelatedArticles.js';
import { SourcesList } from './SourcesList.js';
import { TableOfContents } from './TableOfContents.js';
import { TwinOffer } from './TwinOffer.js';
import { useChecklistProgress } from './useChecklistProgress.js';

/** One article: loads it, remembers it as read, and lays out its parts. */
export function ArticlePage({ id }: { id: string }) {
  const t = useT();
  const loaded = useLoad(() => kb.getArticle({ id }), [id]);
  const article = loaded.data;

  useEffect(() => {
    if (article) recordRead({ id: article.id, title: article.title, lang: article.lang });
  }, [article]);

  if (!article) {
    return (
      <div className="page">
        {loaded.loading ? (
          <p className="muted">{t.common.loading}</p>
        ) : (
          <>
            <h1>
              {loaded.error instanceof KbError && loaded.error.code === 'NOT_FOUND'
                ? t.common.notFound
                : t.errors.title}
            </h1>
            <p>{errorMessage(loaded.error, t)}</p>
            <p className="button-row">
              <button type="button" onClick={loaded.reload}>
                {t.common.retry}
              </button>
              <a href="#/">{t.common.goHome}</a>
            </p>
          </>
        )}
      </div>
    );
  }
  return <ArticleView article={article} />;
}

function ArticleView({ article }: { article: Article }) {
  const progress = useChecklistProgress(article.id, article.checklists, article.translation ?? null);
  return (
    <div className="page article-page">
      <TwinOffer article={article} />
      <article
        role="article"
        className="article"
        data-testid="article-view"
        data-id={article.id}
        aria-labelledby="article-title"
      >
        <ArticleHeader article={article} />
        <div className="article-layout">
          <TableOfContents headings={article.headings} />
          <div className="article-main">
            {article.checklists.length > 0 && <ChecklistSummary progress={progress} />}
            <ArticleBody lang={article.lang} html={article.html} checklists={article.checklists} progress={progress} />
            <SourcesList sources={article.sources} />
            <RelatedArticles ids={article.related} />
          </div>
        </div>
      </article>
    </div>
  );
}
