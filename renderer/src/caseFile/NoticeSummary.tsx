import type { NoticeAnalysis } from '../../../electron/common/index.js';
import { marketplaceName } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang, useUiLang } from '../settings/preferences.js';
import { articleHref } from './articleLinks.js';

/** What the analyzer read from a notice, field by field. */
export function NoticeSummary({ analysis }: { analysis: NoticeAnalysis }) {
  const t = useT();
  const ui = useUiLang();
  const lang = usePreferredArticleLang();
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : t.caseFile.none);
  const rows: [string, string, string][] = [
    ['cause', t.caseFile.cause, t.cause[analysis.cause]],
    [
      'marketplace',
      t.caseFile.marketplace,
      analysis.marketplace ? marketplaceName(analysis.marketplace, ui) : t.caseFile.none,
    ],
    ['noticeDate', t.caseFile.noticeDate, analysis.noticeDate ?? t.caseFile.none],
    ['asins', t.caseFile.asins, list(analysis.asins)],
    [
      'documents',
      t.caseFile.documents,
      list(analysis.documents.map((document) => t.caseFile.documentNames[document] ?? document)),
    ],
    ['deadlines', t.caseFile.deadlines, list(analysis.deadlines.map((deadline) => deadline.phrase))],
    ['addresses', t.caseFile.addresses, list(analysis.addresses)],
  ];
  return (
    <div className="notice-summary" data-testid="notice-summary">
      <h3>{t.caseFile.found}</h3>
      <dl>
        {rows.map(([field, label, value]) => (
          <div key={field} className="notice-field">
            <dt>{label}</dt>
            {/* The deadlines are phrases of the notice: content, in the notice's language. */}
            <dd
              data-testid={`notice-${field}`}
              lang={field === 'deadlines' && !/\p{Script=Han}/u.test(value) ? 'en' : undefined}
            >
              {value}
            </dd>
          </div>
        ))}
        <div className="notice-field">
          <dt>{t.caseFile.articles}</dt>
          <dd>
            {analysis.articles.length === 0
              ? t.caseFile.none
              : analysis.articles.map((id) => (
                  <a key={id} className="notice-article" href={articleHref(id, lang)}>
                    {id.replace(/-(?:en|zh)$/, '')}
                  </a>
                ))}
          </dd>
        </div>
      </dl>
    </div>
  );
}
