import { paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { useBookmarks, useRecent, type ArticleRef } from './readingHistory.js';

function RefList({ id, title, empty, refs }: { id: string; title: string; empty: string; refs: ArticleRef[] }) {
  return (
    <section aria-labelledby={id} className="reading-list">
      <h2 id={id}>{title}</h2>
      {refs.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="link-list">
          {refs.map((ref) => (
            <li key={ref.id}>
              <a href={paths.article(ref.id)} lang={ref.lang === 'zh' ? 'zh-CN' : 'en'}>
                {ref.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Bookmarks and recently read articles, kept by the core with the preferences. */
export function ReadingLists() {
  const t = useT();
  return (
    <div className="reading-lists">
      <RefList id="home-bookmarks" title={t.home.bookmarks} empty={t.home.bookmarksNone} refs={useBookmarks()} />
      <RefList id="home-recent" title={t.home.recent} empty={t.home.recentNone} refs={useRecent()} />
    </div>
  );
}
