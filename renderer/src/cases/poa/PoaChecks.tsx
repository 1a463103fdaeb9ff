import type { PoaDraft } from '../../../../electron/common/index.js';
import { useT } from '../../i18n/useT.js';
import { useUiLang } from '../../settings/preferences.js';

/** What is unfilled (each with the way to fill it) and the checks before sending, with their reasons. */
export function PoaChecks({ draft, onGoToQuestion }: { draft: PoaDraft; onGoToQuestion: (question: string) => void }) {
  const t = useT();
  const zh = useUiLang() === 'zh';
  return (
    <div className="poa-checks">
      <h3>{t.poa.unfilledTitle(draft.unfilled.length)}</h3>
      {draft.unfilled.length > 0 && (
        <ul className="poa-unfilled" data-testid="poa-unfilled">
          {draft.unfilled.map((item) => (
            <li key={item.placeholder}>
              <span>{zh ? item.messageZh : item.message}</span>
              {item.question && (
                <button type="button" className="button-link" onClick={() => onGoToQuestion(item.question!)}>
                  {t.poa.goToQuestion}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.poa.checksTitle}</h3>
      <ul className="poa-check-list" data-testid="poa-checks">
        {draft.checks.map((check) => (
          <li
            key={check.id}
            className={check.ok ? 'poa-check-ok' : 'poa-check-failed'}
            data-testid={`poa-check-${check.id}`}
            data-ok={check.ok}
          >
            <strong>
              {check.ok ? '✓' : '✗'} {t.poa.checkNames[check.id]}
            </strong>{' '}
            <span className="visually-hidden">{check.ok ? t.poa.ok : t.poa.problem}</span>
            <span>{zh ? check.messageZh : check.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
