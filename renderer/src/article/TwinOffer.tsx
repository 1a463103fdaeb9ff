import type { Article } from '../../../electron/common/index.js';
import { useLibrary } from '../services/library.js';
import { paths } from '../services/router.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';

/** When the article's twin is in the preferred reading language, offer it. */
export function TwinOffer({ article }: { article: Article }) {
  const t = useT();
  const preferred = usePreferredArticleLang();
  const { byId } = useLibrary();
  const twin = article.translation ? byId.get(article.translation) : undefined;
  if (!twin || article.lang === preferred || twin.lang !== preferred) return null;
  return (
    <p className="twin-offer">
      <span>{t.article.twinOffer(t.lang[preferred])}</span>{' '}
      <a href={paths.article(twin.id)} lang={twin.lang === 'zh' ? 'zh-CN' : 'en'}>
        {t.article.twinOpen}
        {t.common.colon}
        {twin.title}
      </a>
    </p>
  );
}
