import type { SecurityChange } from '../common/index.js';
import { print, type Command, type CommandContext } from './commands.js';
import { NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, readPassphrase, requireGiven } from './passphrase.js';

const FORGOTTEN =
  'Keep the passphrase safe: without it the notebook and its backups cannot be opened by anyone, you included.';

function currentPassphrase(context: CommandContext): string {
  return requireGiven(context.passphrase, '--passphrase-file', PASSPHRASE_ENV, 'the passphrase');
}

/** What a conversion did, the backups it converted and the ones it left as they were. */
function describeChange(done: string, change: SecurityChange): string {
  return [
    done,
    `${change.convertedBackups.length} backup(s) in the data folder were converted with it.`,
    ...change.skippedBackups.map((skipped) => `  left as it was: ${skipped.path}: ${skipped.message}`),
  ].join('\n');
}

/** `seller-kb encrypt`, `decrypt` and `passphrase`: encryption of the notebook at rest. */
export const PRIVACY_COMMANDS: Command[] = [
  {
    words: ['encrypt'],
    usage: 'seller-kb encrypt [--passphrase-file FILE]',
    summary: 'Encrypt the notebook and its backups with a passphrase',
    details: `The passphrase (8 or more characters) comes from ${PASSPHRASE_ENV} or --passphrase-file FILE; later commands need it the same way. ${FORGOTTEN}`,
    options: {},
    positionals: [0, 0],
    async run(context) {
      const change = await (await context.core()).encryptNotebook({ passphrase: currentPassphrase(context) });
      return print(context, change, () => describeChange(`Encrypted. ${FORGOTTEN}`, change));
    },
  },
  {
    words: ['passphrase'],
    usage: 'seller-kb passphrase [--new-passphrase-file FILE]',
    summary: 'Change the passphrase of the encrypted notebook and its backups',
    details: `The current passphrase comes from ${PASSPHRASE_ENV} or --passphrase-file FILE, the new one from ${NEW_PASSPHRASE_ENV} or --new-passphrase-file FILE. ${FORGOTTEN}`,
    options: { 'new-passphrase-file': { type: 'string' } },
    positionals: [0, 0],
    async run(context) {
      const file = context.values['new-passphrase-file'];
      const next = requireGiven(
        readPassphrase(
          typeof file === 'string' ? file : undefined,
          context.environment[NEW_PASSPHRASE_ENV],
          '--new-passphrase-file',
        ),
        '--new-passphrase-file',
        NEW_PASSPHRASE_ENV,
        'the new passphrase',
      );
      const change = await (
        await context.core()
      ).changeNotebookPassphrase({ current: currentPassphrase(context), next });
      return print(context, change, () => describeChange(`Passphrase changed. ${FORGOTTEN}`, change));
    },
  },
  {
    words: ['decrypt'],
    usage: 'seller-kb decrypt [--passphrase-file FILE]',
    summary: 'Turn encryption off: the notebook and its backups become plain files again',
    details: `The passphrase comes from ${PASSPHRASE_ENV} or --passphrase-file FILE.`,
    options: {},
    positionals: [0, 0],
    async run(context) {
      const change = await (await context.core()).decryptNotebook({ passphrase: currentPassphrase(context) });
      return print(context, change, () =>
        describeChange('Decrypted: the notebook is a plain SQLite file again.', change),
      );
    },
  },
];
