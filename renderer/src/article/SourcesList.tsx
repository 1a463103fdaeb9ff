import type { SourceRef } from '../../../electron/common/index.js';
import { useT } from '../i18n/useT.js';

/** Which source file supports which facts. */
export function SourcesList({ sources }: { sources: SourceRef[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <section className="article-sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t.article.sources}</h2>
      <ul>
        {sources.map((source) => (
          <li key={`${source.seed}-${source.supports}`}>
            {source.supports} <code className="source-seed">{source.seed}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
