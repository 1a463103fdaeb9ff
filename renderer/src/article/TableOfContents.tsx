import type { Heading } from '../../../electron/common/index.js';
import { useT } from '../i18n/useT.js';

function scrollToHeading(slug: string): void {
  const target = document.getElementById(slug);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/** The article's sections (levels 2 and 3); buttons, because the URL's hash belongs to the router. */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  const t = useT();
  const shown = headings.filter((heading) => heading.depth >= 2 && heading.depth <= 3);
  if (shown.length < 2) return <div className="article-toc is-empty" />;
  return (
    <nav className="article-toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc-title">
        {t.article.contents}
      </h2>
      <ol className="toc-list">
        {shown.map((heading) => (
          <li key={heading.slug} className={heading.depth === 3 ? 'toc-sub' : undefined}>
            <button type="button" className="toc-link" onClick={() => scrollToHeading(heading.slug)}>
              {heading.text}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
