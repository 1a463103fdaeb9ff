import { useState } from 'react';
import type { NoteRecord } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError, showToast } from '../services/notices.js';
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
  const [drafting, setDrafting] = useState(false);
  const draft = async () => {
    setDrafting(true);
    try {
      const note = await kb.draftPlanOfAction({ caseId });
      showToast(t.cases.poaDrafted);
      onDrafted(note);
    } catch (error) {
      reportError(error);
    } finally {
      setDrafting(false);
    }
  };
  return (
    <div className="case-actions">
      <button type="button" className="button-primary" data-testid="draft-poa" disabled={drafting} onClick={() => void draft()}>
        {t.cases.draftPoa}
      </button>
      <ExportButtons caseId={caseId} onExported={onExported} />
      <button type="button" className="button-danger" data-testid="case-delete" onClick={onDelete}>
        {t.cases.deleteCase}
      </button>
    </div>
  );
}
