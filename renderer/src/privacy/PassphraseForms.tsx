import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useT } from '../i18n/useT.js';
import { FormError, PassphraseField } from './PassphraseField.js';
import { newPassphraseProblem, usePrivacyChange } from './usePrivacyChange.js';

/** A new passphrase typed twice; its problem shows once the form was submitted. */
function useNewPassphrase() {
  const t = useT();
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problem = newPassphraseProblem(next, repeated, t);
  const fields = (prefix: string) => (
    <>
      <PassphraseField
        id={`${prefix}-next`}
        label={t.privacy.newPassphrase}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        hint={t.privacy.passphraseHint(MIN_PASSPHRASE_LENGTH)}
      />
      <PassphraseField
        id={`${prefix}-repeat`}
        label={t.privacy.repeat}
        value={repeated}
        onChange={setRepeated}
        autoComplete="new-password"
        invalid={submitted && problem === t.privacy.mismatch}
      />
    </>
  );
  /** Marks the form submitted; true when the new passphrase can be used. */
  const submit = () => {
    setSubmitted(true);
    return problem === null;
  };
  return { next, problem: submitted ? problem : null, fields, submit };
}

/** Turns encryption on with a new passphrase. */
export function EncryptForm() {
  const t = useT();
  const passphrase = useNewPassphrase();
  const { busy, run } = usePrivacyChange();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.submit())
      void run(() => kb.encryptNotebook({ passphrase: passphrase.next }), t.privacy.encryptedDone);
  };
  return (
    <form className="privacy-form" aria-labelledby="privacy-encrypt-title" onSubmit={submit}>
      <h3 id="privacy-encrypt-title">{t.privacy.turnOn}</h3>
      <div className="form-grid">{passphrase.fields('encrypt')}</div>
      <FormError message={passphrase.problem} />
      <button type="submit" className="button-primary" data-testid="privacy-encrypt" disabled={busy}>
        {busy ? t.privacy.working : t.privacy.encrypt}
      </button>
    </form>
  );
}

/** Changes the passphrase: the current one, then the new one twice. */
export function ChangePassphraseForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const passphrase = useNewPassphrase();
  const { busy, wrongPassphrase, run } = usePrivacyChange();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.submit())
      void run(() => kb.changeNotebookPassphrase({ current, next: passphrase.next }), t.privacy.changed);
  };
  return (
    <form className="privacy-form" aria-labelledby="privacy-change-title" onSubmit={submit}>
      <h3 id="privacy-change-title">{t.privacy.change}</h3>
      <div className="form-grid">
        <PassphraseField
          id="change-current"
          label={t.privacy.currentPassphrase}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          invalid={wrongPassphrase !== null}
        />
        {passphrase.fields('change')}
      </div>
      <FormError message={wrongPassphrase ?? passphrase.problem} />
      <button type="submit" data-testid="privacy-change" disabled={busy || !current}>
        {busy ? t.privacy.working : t.privacy.change}
      </button>
    </form>
  );
}

/** Locks the open notebook until the passphrase is given again, for when you step away. */
export function LockForm() {
  const t = useT();
  const { busy, run } = usePrivacyChange();
  return (
    <section className="privacy-form" aria-labelledby="privacy-lock-title">
      <h3 id="privacy-lock-title">{t.privacy.lockTitle}</h3>
      <p className="field-hint">{t.privacy.lockHint}</p>
      <button
        type="button"
        className="button-primary"
        data-testid="privacy-lock"
        disabled={busy}
        onClick={() => void run(() => kb.lockNotebook(), t.privacy.lockedDone)}
      >
        {t.privacy.lock}
      </button>
    </section>
  );
}

/** Turns encryption off after the passphrase is typed once more. */
export function DecryptForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const { busy, wrongPassphrase, run } = usePrivacyChange();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => kb.decryptNotebook({ passphrase: current }), t.privacy.decrypted);
  };
  return (
    <form className="privacy-form" aria-labelledby="privacy-decrypt-title" onSubmit={submit}>
      <h3 id="privacy-decrypt-title">{t.privacy.turnOff}</h3>
      <p className="field-hint">{t.privacy.turnOffHint}</p>
      <div className="inline-form">
        <PassphraseField
          id="decrypt-current"
          label={t.privacy.currentPassphrase}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          invalid={wrongPassphrase !== null}
        />
        <button type="submit" className="button-danger" data-testid="privacy-decrypt" disabled={busy || !current}>
          {busy ? t.privacy.working : t.privacy.turnOff}
        </button>
      </div>
      <FormError message={wrongPassphrase} />
    </form>
  );
}
