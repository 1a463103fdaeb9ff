import { useState, type FormEvent } from 'react';
import { kb } from '../api/index.js';
import { refreshLibrary } from '../services/library.js';
import { useT } from '../i18n/useT.js';
import { FormError, PassphraseField } from './PassphraseField.js';
import { usePrivacyChange } from './usePrivacyChange.js';

/** The passphrase field that opens a locked notebook; a wrong passphrase is said in place. */
export function UnlockForm() {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const { busy, wrongPassphrase, run } = usePrivacyChange();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || busy) return;
    // Unlocking loads the user's folders, which are saved in the notebook.
    if (await run(() => kb.unlockNotebook({ passphrase }), t.privacy.unlocked)) void refreshLibrary();
    else setPassphrase('');
  };

  return (
    <form className="unlock-form" aria-labelledby="unlock-title" onSubmit={(event) => void submit(event)}>
      <h2 id="unlock-title">{t.privacy.unlockTitle}</h2>
      <p>{t.privacy.unlockIntro}</p>
      <div className="inline-form">
        <PassphraseField
          id="unlock-passphrase"
          label={t.privacy.passphrase}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          invalid={wrongPassphrase !== null}
          autoFocus
        />
        <button type="submit" className="button-primary" data-testid="unlock-submit" disabled={busy || !passphrase}>
          {t.privacy.unlock}
        </button>
      </div>
      <FormError message={wrongPassphrase} testId="unlock-error" />
      <p className="field-hint">{t.privacy.forgetWarning}</p>
    </form>
  );
}
