import { useRef, useState } from 'react';
import { kb } from '../api/index.js';
import { formatInstant } from '../services/dates.js';
import { refreshNotebookSecurity, useNotebookSecurity } from '../services/notebookSecurity.js';
import { useAction } from '../services/useAction.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { PassphraseField } from '../privacy/PassphraseField.js';
import { useUiLang } from './preferences.js';

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Back up now, the list of backups, and restore (after a confirmation; an encrypted backup may need its passphrase). */
export function BackupSettings() {
  const t = useT();
  const ui = useUiLang();
  const { security } = useNotebookSecurity();
  // Turning encryption on or off converts the backups too.
  const backups = useLoad(() => kb.listBackups(), [security?.encrypted, security?.locked]);
  const { busy, run: runAction } = useAction();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // When the confirmation closes (Cancel, Esc, done), focus goes back to the Restore button it came from.
  const focusAfter = useRef<string | null>(null);
  const closeConfirm = () => {
    focusAfter.current = confirming;
    setConfirming(null);
  };
  const restoreButton = (path: string) => (element: HTMLButtonElement | null) => {
    if (element && focusAfter.current === path) {
      focusAfter.current = null;
      element.focus();
    }
  };

  const run = async (call: () => Promise<unknown>, message: string) => {
    if (await runAction(call, { done: message })) backups.reload();
    closeConfirm();
    setPassphrase('');
  };
  const restore = async (path: string) => {
    await kb.restoreNotebook({ path, ...(passphrase && { passphrase }) });
    // The restored notebook may be encrypted where the previous one was not.
    await refreshNotebookSecurity();
  };

  const list = backups.data ?? [];
  return (
    <section className="card" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t.settings.backups}</h2>
      <p className="field-hint">{t.settings.backupsHint}</p>
      <p>
        <button
          type="button"
          className="button-primary"
          data-testid="backup-now"
          disabled={busy}
          onClick={() => void run(() => kb.backupNotebook({}), t.settings.backedUp)}
        >
          {t.settings.backupNow}
        </button>
      </p>
      {list.length === 0 ? (
        <p className="muted">{backups.loading ? t.common.loading : t.settings.noBackups}</p>
      ) : (
        <ul className="backup-list">
          {list.map((backup) => (
            <li key={backup.path}>
              <div className="backup-row">
                <span>
                  {formatInstant(backup.createdAt, ui)} <span className="muted">· {formatBytes(backup.bytes)}</span>
                  {backup.encrypted && <span className="badge backup-encrypted">{t.privacy.encryptedBackup}</span>}
                </span>
                <code className="folder-path">{backup.path}</code>
                {confirming !== backup.path && (
                  <button
                    type="button"
                    className="button-small"
                    ref={restoreButton(backup.path)}
                    disabled={busy}
                    onClick={() => setConfirming(backup.path)}
                  >
                    {t.settings.restoreBackup}
                  </button>
                )}
              </div>
              {confirming === backup.path && (
                <div
                  className="confirm-box"
                  role="group"
                  aria-labelledby={`confirm-${backup.createdAt}`}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && !busy) closeConfirm();
                  }}
                >
                  <p id={`confirm-${backup.createdAt}`}>{t.settings.confirmRestore}</p>
                  {backup.encrypted && (
                    <PassphraseField
                      id="restore-passphrase"
                      label={t.privacy.backupPassphrase}
                      hint={t.privacy.backupPassphraseHint}
                      value={passphrase}
                      onChange={setPassphrase}
                      autoComplete="current-password"
                    />
                  )}
                  <div className="button-row">
                    <button
                      type="button"
                      className="button-danger"
                      autoFocus
                      disabled={busy}
                      onClick={() => void run(() => restore(backup.path), t.settings.restoredBackup)}
                    >
                      {t.settings.confirmRestoreYes}
                    </button>
                    <button type="button" onClick={closeConfirm}>
                      {t.common.cancel}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
