import type { MouseEvent } from 'react';
import type { SourceRef } from '../../../electron/common/index.js';
import { openExternal } from '../services/links.js';
import { useT } from '../i18n/useT.js';

/** The sources an article relies on, as a reader can follow them: title, publisher, date, link. */
export function SourcesList({ sources }: { sources: SourceRef[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <section className="article-sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t.article.sources}</h2>
      <ul>
        {sources.map((source, index) => (
          <li key={`${index}-${source.title}`} className="source-item">
            <cite className="source-title">{source.title}</cite>
            {' — '}
            <span className="source-publisher">{source.publisher}</span>
            {source.date && <span className="source-date">{t.trust.published(source.date)}</span>}
            {source.helpId && <span className="source-help-id">{t.trust.helpId(source.helpId)}</span>}
            {source.url && <SourceLink url={source.url} />}
            {source.supports && <p className="source-supports">{t.trust.supports(source.supports)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An https page opens outside the app; any other address (plain http) is shown as text to copy, since the shell opens only https. */
function SourceLink({ url }: { url: string }) {
  const t = useT();
  if (!url.startsWith('https://')) {
    return (
      <>
        {' '}
        <span className="source-url">{url}</span>
      </>
    );
  }
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openExternal(url);
  };
  return (
    <>
      {' '}
      <a className="source-link" href={url} data-external="true" onClick={open}>
        {t.trust.link}
      </a>
    </>
  );
}
