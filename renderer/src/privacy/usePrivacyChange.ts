import { useState } from 'react';
import type { NotebookSecurity, SecurityChange } from '../../../electron/common/index.js';
import { KbError, MIN_PASSPHRASE_LENGTH } from '../../../electron/common/index.js';
import { setNotebookSecurity } from '../services/notebookSecurity.js';
import { useAction } from '../services/useAction.js';
import type { Messages } from '../i18n/en.js';
import { useT } from '../i18n/useT.js';

/** Why a new passphrase and its repetition cannot be used yet, or null (compared, like the core, as NFC). */
export function newPassphraseProblem(next: string, repeated: string, t: Messages): string | null {
  if ([...next.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) return t.privacy.tooShort(MIN_PASSPHRASE_LENGTH);
  if (next.normalize('NFC') !== repeated.normalize('NFC')) return t.privacy.mismatch;
  return null;
}

/**
 * Runs one privacy call (unlock, encrypt, change, decrypt): busy while it runs, the new state shared
 * with every page, a toast, and a wrong passphrase kept for the form to show in place.
 */
export function usePrivacyChange() {
  const t = useT();
  const { busy, run: runAction } = useAction();
  const [wrongPassphrase, setWrongPassphrase] = useState(false);
  const keepWrongPassphrase = (error: unknown): boolean => {
    const wrong = error instanceof KbError && error.code === 'WRONG_PASSPHRASE';
    if (wrong) setWrongPassphrase(true);
    return wrong;
  };
  const run = (call: () => Promise<NotebookSecurity | SecurityChange>, done: string): Promise<boolean> => {
    setWrongPassphrase(false);
    const work = async () => {
      const result = await call();
      setNotebookSecurity(result);
      return result;
    };
    const worded = (result: NotebookSecurity | SecurityChange) => {
      const skipped = 'skippedBackups' in result ? result.skippedBackups.length : 0;
      return skipped > 0 ? `${done} ${t.privacy.skipped(skipped)}` : done;
    };
    return runAction(work, { done: worded, handleError: keepWrongPassphrase });
  };
  return { busy, wrongPassphrase: wrongPassphrase ? t.privacy.wrongPassphrase : null, run };
}
