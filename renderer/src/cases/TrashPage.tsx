import { kb } from '../api/index.js';
import { formatInstant } from '../services/dates.js';
import { reportError, showToast } from '../services/notices.js';
import { paths } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';

/** Deleted cases and notes, each with a Restore button. */
export function TrashPage() {
  const t = useT();
  const ui = useUiLang();
  const trash = useLoad(() => kb.listTrash(), []);
  const restore = async (run: () => Promise<unknown>) => {
    try {
      await run();
      showToast(t.trash.restored);
      trash.reload();
    } catch (error) {
      reportError(error);
    }
  };
  const cases = trash.data?.cases ?? [];
  const notes = trash.data?.notes ?? [];
  const deleted = (at: string | null) => (at ? `${t.trash.deletedAt} ${formatInstant(at, ui)}` : '');

  return (
    <div className="page">
      <h1>{t.trash.title}</h1>
      <p className="lead">{t.trash.intro}</p>
      {trash.loading && !trash.data ? (
        <p className="muted">{t.common.loading}</p>
      ) : cases.length + notes.length === 0 ? (
        <p className="muted">{t.trash.empty}</p>
      ) : (
        <>
          {cases.length > 0 && (
            <section aria-labelledby="trash-cases">
              <h2 id="trash-cases">{t.trash.cases}</h2>
              <ul className="trash-list">
                {cases.map((record) => (
                  <li key={record.id} data-testid="trash-case">
                    <span className="trash-title">{record.title}</span>
                    <span className="muted">{deleted(record.deletedAt)}</span>
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => void restore(() => kb.restoreCase({ id: record.id }))}
                    >
                      {t.common.restore}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {notes.length > 0 && (
            <section aria-labelledby="trash-notes">
              <h2 id="trash-notes">{t.trash.notes}</h2>
              <ul className="trash-list">
                {notes.map((note) => (
                  <li key={note.id} data-testid="trash-note">
                    <span className="trash-title">{note.title || t.notes.untitled}</span>
                    <a href={paths.case(note.caseId)} className="muted">
                      {t.trash.caseNumber(note.caseId)}
                    </a>
                    <span className="muted">{deleted(note.deletedAt)}</span>
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => void restore(() => kb.restoreNote({ id: note.id }))}
                    >
                      {t.common.restore}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
