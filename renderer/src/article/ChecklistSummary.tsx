import { showToast } from '../services/notices.js';
import { useT } from '../i18n/useT.js';
import type { ChecklistState } from './useChecklistProgress.js';

/** The article's overall checklist progress, and the one Reset for all its checklists (with an Undo that stays until dismissed). */
export function ChecklistSummary({ progress }: { progress: ChecklistState }) {
  const t = useT();
  const { done, total } = progress;
  return (
    <div className="checklist-summary">
      <span>
        {t.article.checklist}{' '}
        <strong
          className={done === total && total > 0 ? 'progress-pill is-complete' : 'progress-pill'}
          aria-label={t.article.progressLabel(done, total)}
        >
          {t.article.progress(done, total)}
        </strong>
      </span>
      <button
        type="button"
        className="button-small"
        data-testid="checklist-reset"
        disabled={done === 0}
        onClick={() =>
          void progress.reset().then((previous) => {
            if (previous)
              showToast(t.article.resetDone, {
                label: t.common.undo,
                run: () => void progress.restore(previous).then(() => showToast(t.checklistUndone)),
              });
          })
        }
      >
        {t.article.reset}
      </button>
    </div>
  );
}
