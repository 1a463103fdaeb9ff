import type { DiffPart } from '../../../../electron/common/index.js';
import { useT } from '../../i18n/useT.js';

/** Two texts compared: removed text struck through, added text marked. */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  const t = useT();
  return (
    <div className="poa-diff" data-testid="diff-view">
      <p className="field-hint">
        <del>{t.poa.removedLegend}</del> <ins>{t.poa.addedLegend}</ins>
      </p>
      <pre className="poa-diff-text">
        {parts.map((part, index) =>
          part.added ? (
            <ins key={index}>{part.value}</ins>
          ) : part.removed ? (
            <del key={index}>{part.value}</del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </pre>
    </div>
  );
}
