import type { NoteRecord } from '../../../electron/common/index.js';
import { formatInstant } from '../services/dates.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';

interface Props {
  notes: NoteRecord[];
  selectedId: number | null;
  onSelect: (note: NoteRecord) => void;
  onNew: () => void;
}

/** The case's notes; the open one is marked as current. */
export function NotesList({ notes, selectedId, onSelect, onNew }: Props) {
  const t = useT();
  const ui = useUiLang();
  return (
    <div className="notes-list">
      <button type="button" className="button-primary notes-new" data-testid="note-new" onClick={onNew}>
        + {t.notes.newNote}
      </button>
      {notes.length === 0 ? (
        <p className="muted">{t.notes.empty}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <button
                type="button"
                className={note.id === selectedId ? 'note-item is-selected' : 'note-item'}
                aria-current={note.id === selectedId ? 'true' : undefined}
                data-testid="note-item"
                data-id={note.id}
                onClick={() => onSelect(note)}
              >
                <span className="note-item-title">{note.title || t.notes.untitled}</span>
                <span className="note-item-meta">
                  {note.kind === 'plan-of-action' && <span className="badge">{t.notes.planOfAction}</span>}
                  {note.kind === 'attachment' && <span className="badge">{t.attachments.textNote}</span>}
                  {formatInstant(note.updatedAt, ui)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
