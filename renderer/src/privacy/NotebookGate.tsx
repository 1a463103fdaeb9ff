import type { ReactNode } from 'react';
import { useNotebookSecurity } from '../services/notebookSecurity.js';
import { useT } from '../i18n/useT.js';
import { UnlockForm } from './UnlockForm.js';

/**
 * Shows `children`, which use the notebook, only once it is open: while an encrypted notebook is
 * locked, `whileLocked` (by default the unlock form) takes their place instead of failing calls.
 */
export function NotebookGate({ children, whileLocked }: { children: ReactNode; whileLocked?: ReactNode }) {
  const t = useT();
  const { security, loaded } = useNotebookSecurity();
  if (!loaded) return <p className="muted">{t.common.loading}</p>;
  if (!security?.locked) return <>{children}</>;
  return (
    whileLocked ?? (
      <div className="page">
        <div className="card">
          <UnlockForm />
        </div>
      </div>
    )
  );
}
