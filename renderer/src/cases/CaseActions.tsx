import type { NoteRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useAction } from '../services/useAction.js';
import { useT } from '../i18n/useT.js';
import { ExportButtons } from './ExportButtons.js';

interface Props {
  caseId: number;
  onDrafted: (note: NoteRecord) => void;
  onExported: () => void;
  onDelete: () => void;
}

/** Draft a Plan of Action, export the case, move it to the trash. */
export function CaseActions({ caseId, onDrafted, onExported, onDelete }: Props) {
  const t = useT();
  const { busy: drafting, run } = useAction();
  const draft = () => run(() => kb.draftPlanOfAction({ caseId }).then(onDrafted), { done: t.cases.poaDrafted });
  return (
    <div className="case-actions">
      <button
        type="button"
        className="button-primary"
        data-testid="draft-poa"
        disabled={drafting}
        onClick={() => void draft()}
      >
        {t.cases.draftPoa}
      </button>
      <ExportButtons caseId={caseId} onExported={onExported} />
      <button type="button" className="button-danger" data-testid="case-delete" onClick={onDelete}>
        {t.cases.deleteCase}
      </button>
    </div>
  );
}
