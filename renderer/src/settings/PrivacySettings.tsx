import { useNotebookSecurity } from '../services/notebookSecurity.js';
import { useT } from '../i18n/useT.js';
import { ChangePassphraseForm, DecryptForm, EncryptForm, LockForm } from '../privacy/PassphraseForms.js';
import { UnlockForm } from '../privacy/UnlockForm.js';

/** Encryption of the notebook at rest: turn it on, lock it, change the passphrase, turn it off. */
export function PrivacySettings() {
  const t = useT();
  const { security } = useNotebookSecurity();
  return (
    <section className="card" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">{t.privacy.title}</h2>
      <p className="field-hint">{t.privacy.intro}</p>
      <p data-testid="privacy-status">
        <strong>{security?.encrypted ? t.privacy.isEncrypted : t.privacy.isPlain}</strong>
      </p>
      <p className="privacy-warning">{t.privacy.forgetWarning}</p>
      {security?.locked ? (
        <UnlockForm />
      ) : security?.encrypted ? (
        <>
          <LockForm />
          <ChangePassphraseForm />
          <DecryptForm />
        </>
      ) : (
        <EncryptForm />
      )}
      <p className="field-hint">{t.privacy.notCovered}</p>
    </section>
  );
}
