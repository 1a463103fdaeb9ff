import { useLibrary } from '../services/library.js';
import { paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';

/** Links to the related articles, by title when the library knows it. */
export function RelatedArticles({ ids }: { ids: string[] }) {
  const t = useT();
  const { byId } = useLibrary();
  if (ids.length === 0) return null;
  return (
    <section className="article-related" aria-labelledby="related-title">
      <h2 id="related-title">{t.article.related}</h2>
      <ul className="link-list">
        {ids.map((id) => {
          const summary = byId.get(id);
          return (
            <li key={id}>
              <a href={paths.article(id)}>{summary?.title ?? id}</a>
              {summary && <span className="muted"> — {summary.summary}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
