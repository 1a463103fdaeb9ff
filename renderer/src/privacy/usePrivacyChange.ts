import { useState } from 'react';
import type { NotebookSecurity, SecurityChange } from '../../../electron/common/index.js';
import { KbError, MIN_PASSPHRASE_LENGTH } from '../../../electron/common/index.js';
import { reportError, showToast } from '../services/notices.js';
import { setNotebookSecurity } from '../services/notebookSecurity.js';
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
  const [busy, setBusy] = useState(false);
  const [wrongPassphrase, setWrongPassphrase] = useState(false);
  const run = async (call: () => Promise<NotebookSecurity | SecurityChange>, done: string): Promise<boolean> => {
    setBusy(true);
    setWrongPassphrase(false);
    try {
      const result = await call();
      const skipped = 'skippedBackups' in result ? result.skippedBackups.length : 0;
      showToast(skipped > 0 ? `${done} ${t.privacy.skipped(skipped)}` : done);
      setNotebookSecurity(result);
      return true;
    } catch (error) {
      if (error instanceof KbError && error.code === 'WRONG_PASSPHRASE') setWrongPassphrase(true);
      else reportError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, wrongPassphrase: wrongPassphrase ? t.privacy.wrongPassphrase : null, run };
}
