import { useState } from 'react';
import type { NoticeAnalysis } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { navigate, paths } from '../services/router.js';
import { useAction } from '../services/useAction.js';
import { useT } from '../i18n/useT.js';
import { NoticeSummary } from './NoticeSummary.js';

/** "New case from notice": paste Amazon's e-mail, see what it says, make the case from it. */
export function NoticePaste({ id }: { id: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [analysis, setAnalysis] = useState<NoticeAnalysis | null>(null);
  const { busy, run } = useAction();

  const analyze = () => run(async () => setAnalysis(await kb.analyzeNotice({ text })));
  const create = () => run(async () => navigate(paths.case((await kb.createCaseFromNotice({ text })).id)));

  return (
    <section className="card notice-paste" aria-labelledby={`${id}-title`} data-testid="notice-paste">
      <h2 id={`${id}-title`}>{t.caseFile.fromNotice}</h2>
      <p className="field-hint">{t.caseFile.fromNoticeHint}</p>
      <div className="field field-wide">
        <label htmlFor={`${id}-text`}>{t.caseFile.noticeLabel}</label>
        <textarea
          id={`${id}-text`}
          data-testid="notice-text"
          rows={8}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setAnalysis(null);
          }}
        />
      </div>
      <div className="notice-actions">
        <button
          type="button"
          data-testid="notice-analyze"
          disabled={busy || !text.trim()}
          onClick={() => void analyze()}
        >
          {t.caseFile.analyze}
        </button>
        {analysis?.found && (
          <button
            type="button"
            className="button-primary"
            data-testid="notice-create"
            disabled={busy}
            onClick={() => void create()}
          >
            {t.caseFile.create}
          </button>
        )}
      </div>
      {analysis &&
        (analysis.found ? (
          <NoticeSummary analysis={analysis} />
        ) : (
          <p className="notice-not-found" role="status" data-testid="notice-message">
            {t.caseFile.notFound} <span className="muted">{analysis.message}</span>
          </p>
        ))}
    </section>
  );
}
