import { useState } from 'react';
import type { DiffPart, NoteRevision } from '../../../../electron/common/index.js';
import { kb } from '../../api/index.js';
import { formatInstant } from '../../services/dates.js';
import { reportError, showToast } from '../../services/notices.js';
import { useT } from '../../i18n/useT.js';
import { useUiLang } from '../../settings/preferences.js';
import { DiffView } from './DiffView.js';

/** A note's saved revisions: each compared with the one before it, or restored. */
export function NoteHistory({ noteId, onRestored }: { noteId: number; onRestored: () => void }) {
  const t = useT();
  const ui = useUiLang();
  const [revisions, setRevisions] = useState<NoteRevision[] | null>(null);
  const [diff, setDiff] = useState<{ id: number; parts: DiffPart[] } | null>(null);
  const toggle = async () => {
    if (revisions) return setRevisions(null);
    try {
      setRevisions((await kb.listNoteRevisions({ noteId })).revisions);
    } catch (error) {
      reportError(error);
    }
  };
  const compare = async (index: number) => {
    const newer = revisions![index]!;
    const older = revisions![index + 1];
    if (!older) return;
    try {
      setDiff({ id: newer.id, parts: await kb.compareNoteRevisions({ noteId, from: older.id, to: newer.id }) });
    } catch (error) {
      reportError(error);
    }
  };
  const restore = async (revision: NoteRevision) => {
    try {
      await kb.restoreNoteRevision({ noteId, revisionId: revision.id });
      showToast(t.poa.restored);
      onRestored();
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <>
      <button type="button" data-testid="note-history" onClick={() => void toggle()}>
        {t.poa.history}
      </button>
      {revisions && (
        <div className="note-history" data-testid="note-history-panel">
          <h3>{t.poa.historyTitle}</h3>
          <p className="field-hint">{t.poa.historyPolicy}</p>
          <ol>
            {revisions.map((revision, index) => (
              <li key={revision.id} data-testid="note-revision">
                {formatInstant(revision.savedAt, ui)} · {revision.body.length}
                {index === 0 ? ` (${t.poa.current})` : ''}{' '}
                {index + 1 < revisions.length && (
                  <button type="button" className="button-link" onClick={() => void compare(index)}>
                    {t.poa.compare}
                  </button>
                )}
                {index > 0 && (
                  <button
                    type="button"
                    className="button-link"
                    data-testid="note-revision-restore"
                    onClick={() => void restore(revision)}
                  >
                    {t.poa.restore}
                  </button>
                )}
                {diff?.id === revision.id && <DiffView parts={diff.parts} />}
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
