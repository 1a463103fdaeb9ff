import type { KbApi } from '../../common/index.js';
import { argumentFields } from '../validation.js';
import { requireNewPassphrase, requirePassphrase } from './cipher.js';
import type { NotebookFiles } from './notebookFiles.js';

export type PrivacyMethods =
  | 'getNotebookSecurity'
  | 'unlockNotebook'
  | 'lockNotebook'
  | 'encryptNotebook'
  | 'changeNotebookPassphrase'
  | 'decryptNotebook';

const PRIVACY = 'Privacy: ';

/**
 * Encryption of the notebook at rest: locking, unlocking, turning it on and off, a new passphrase.
 * Passphrases are checked here, once (a new one for its length); NotebookFiles checks that they open the file.
 * `notebookOpened` runs when an unlock opens a notebook that was locked (the daily backup, the user's folders).
 */
export function privacyHandlers(
  files: NotebookFiles,
  notebookOpened: () => Promise<void>,
): Pick<KbApi, PrivacyMethods> {
  const passphraseOf = (request: unknown) =>
    requirePassphrase(argumentFields(request, PRIVACY, ['passphrase']).passphrase, 'passphrase');
  return {
    getNotebookSecurity: async () => files.security(),
    unlockNotebook: async (request) => {
      const passphrase = passphraseOf(request);
      const wasOpen = files.isOpen();
      const security = await files.unlock(passphrase);
      if (!wasOpen) await notebookOpened();
      return security;
    },
    lockNotebook: async () => files.lock(),
    encryptNotebook: async (request) =>
      files.encrypt(requireNewPassphrase(argumentFields(request, PRIVACY, ['passphrase']).passphrase, 'passphrase')),
    changeNotebookPassphrase: async (request) => {
      const fields = argumentFields(request, PRIVACY, ['current', 'next']);
      return files.changePassphrase(
        requirePassphrase(fields.current, 'current'),
        requireNewPassphrase(fields.next, 'next'),
      );
    },
    decryptNotebook: async (request) => files.decrypt(passphraseOf(request)),
  };
}
