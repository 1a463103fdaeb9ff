import { useState } from 'react';
import type { AppealLog, DiffPart } from '../../../../electron/common/index.js';
import { kb } from '../../api/index.js';
import { formatInstant } from '../../services/dates.js';
import { reportError } from '../../services/notices.js';
import { useT } from '../../i18n/useT.js';
import { useUiLang } from '../../settings/preferences.js';
import { DiffView } from './DiffView.js';

/** Every appeal marked as sent, the unsuccessful count with its warning, and a comparison of two. */
export function AppealsLog({ log }: { log: AppealLog }) {
  const t = useT();
  const ui = useUiLang();
  const [open, setOpen] = useState<number | null>(null);
  const count = log.submissions.length;
  const [from, setFrom] = useState(Math.max(1, count - 1));
  const [to, setTo] = useState(count);
  const [diff, setDiff] = useState<DiffPart[] | null>(null);
  const compare = async () => {
    try {
      setDiff(await kb.compareAppeals({ caseId: log.caseId, from, to }));
    } catch (error) {
      reportError(error);
    }
  };
  const numbers = log.submissions.map((submission) => submission.number);
  return (
    <div className="poa-appeals" data-testid="poa-appeals">
      <h3>{t.poa.appealsTitle}</h3>
      {count === 0 && <p className="muted">{t.poa.noAppeals}</p>}
      {count > 0 && <p data-testid="poa-strikes">{t.poa.unsuccessful(log.unsuccessful)}</p>}
      {log.warning && (
        <p className="poa-warning" role="note" data-testid="poa-strike-warning">
          {ui === 'zh' ? log.warningZh : log.warning}
        </p>
      )}
      <ul className="poa-appeal-list">
        {log.submissions.map((submission) => (
          <li key={submission.number} data-testid="poa-appeal">
            <strong>{t.poa.appealLabel(submission.number)}</strong> {t.poa.sentOn(formatInstant(submission.sentAt, ui))}{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => setOpen(open === submission.number ? null : submission.number)}
            >
              {open === submission.number ? t.poa.hide : t.poa.show}
            </button>
            {open === submission.number && <pre className="poa-appeal-text">{submission.text}</pre>}
          </li>
        ))}
      </ul>
      {count > 1 && (
        <div className="button-row poa-compare">
          <AppealChoice
            label={t.poa.compareFrom}
            testId="poa-compare-from"
            numbers={numbers}
            value={from}
            onChange={setFrom}
          />
          <AppealChoice label={t.poa.compareTo} testId="poa-compare-to" numbers={numbers} value={to} onChange={setTo} />
          <button type="button" data-testid="poa-compare" onClick={() => void compare()}>
            {t.poa.compare}
          </button>
        </div>
      )}
      {diff && <DiffView parts={diff} />}
    </div>
  );
}

/** One end of a comparison: which appeal (#1, #2 …). */
function AppealChoice({
  label,
  testId,
  numbers,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  numbers: number[];
  value: number;
  onChange: (number: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            #{number}
          </option>
        ))}
      </select>
    </label>
  );
}
