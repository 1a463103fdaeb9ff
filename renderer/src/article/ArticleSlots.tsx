import { copyWithToast } from '../services/clipboard.js';
import { useT } from '../i18n/useT.js';

/** "Checklist 3/8" with a bar, above each checklist. */
export function ChecklistHead({ done, total }: { done: number; total: number }) {
  const t = useT();
  return (
    <>
      <span className="checklist-head-label">{t.article.checklist}</span>
      <progress className="checklist-bar" max={total} value={done} aria-label={t.article.progressLabel(done, total)} />
      <span className={done === total && total > 0 ? 'progress-pill is-complete' : 'progress-pill'} aria-hidden="true">
        {t.article.progress(done, total)}
      </span>
    </>
  );
}

interface StepProps {
  checklist: string;
  step: number;
  checked: boolean;
  onToggle: (checklist: string, step: number, done: boolean) => void;
}

/** The real checkbox of one step; the surrounding <label> (the step's text) names it. */
export function ChecklistStep({ checklist, step, checked, onToggle }: StepProps) {
  return (
    <input
      type="checkbox"
      className="checklist-checkbox"
      data-testid="checklist-step"
      data-checklist={checklist}
      data-step={step}
      checked={checked}
      onChange={(event) => onToggle(checklist, step, event.target.checked)}
    />
  );
}

/** The toolbar on a letter template: its label and a copy button. */
export function LetterBar({ pre }: { pre: HTMLElement }) {
  const t = useT();
  return (
    <>
      <span className="letter-bar-label">{t.article.letter}</span>
      <button
        type="button"
        className="button-small"
        data-testid="copy-letter"
        onClick={() => void copyWithToast(pre.textContent ?? '', t)}
      >
        {t.article.copyLetter}
      </button>
    </>
  );
}

/** A small copy button after an e-mail link. */
export function CopyEmailButton({ email }: { email: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button-tiny"
      aria-label={t.article.copyEmail(email)}
      title={t.article.copyEmail(email)}
      onClick={() => void copyWithToast(email, t)}
    >
      {t.common.copy}
    </button>
  );
}
