import { LANGS, type KbApi } from '../../common/index.js';
import {
  argumentFields,
  optionalId,
  optionalOneOf,
  requireAbsolutePath,
  requireOneOf,
  requireString,
} from '../validation.js';
import { requirePassphrase } from './cipher.js';
import type { NotebookFiles } from './notebookFiles.js';

export type BackupMethods =
  'exportNotebook' | 'importNotebook' | 'backupNotebook' | 'listBackups' | 'restoreNotebook' | 'checkNotebook';

const EXPORT_FORMATS = ['md', 'json'] as const;

/** A passphrase for a backup file when given (undefined or null: none given). */
function optionalPassphrase(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : requirePassphrase(value, 'passphrase');
}

/**
 * The notebook as a file: export and import, backups, restore and health checks. Arguments are
 * checked here, once: NotebookFiles then checks only what the disk holds (folders, file kinds).
 */
export function backupHandlers(files: NotebookFiles): Pick<KbApi, BackupMethods> {
  return {
    exportNotebook: async (request) => {
      const fields = argumentFields(request, 'Export: ', ['format', 'caseId', 'lang']);
      const format = requireOneOf(fields.format, EXPORT_FORMATS, 'format', 'Export: ');
      const caseId = optionalId(fields.caseId, 'caseId', 'Export: ');
      return files.export({
        format,
        caseId: caseId ?? undefined,
        lang: optionalOneOf(fields.lang, LANGS, 'lang', 'Export: '),
      });
    },
    // The file's own fields (cases, notes) are checked once each by importJson, as they are read.
    importNotebook: async (request) =>
      files.import(requireString(argumentFields(request, 'Import: ', ['json']).json, 'json', 'Import: ')),
    backupNotebook: async (request) => {
      const path = argumentFields(request, 'Backup: ', ['path']).path;
      if (path === undefined || path === null) return files.backup();
      // A backup goes to a new *.db file (NotebookFiles refuses one that exists).
      return files.backup(requireAbsolutePath(path, 'path', 'Backup: ', '.db'));
    },
    listBackups: async () => files.listBackups(),
    restoreNotebook: async (request) => {
      const fields = argumentFields(request, 'Restore: ', ['path', 'passphrase']);
      return files.restore(
        requireAbsolutePath(fields.path, 'path', 'Restore: '),
        optionalPassphrase(fields.passphrase),
      );
    },
    checkNotebook: async (request) => {
      const fields = argumentFields(request, 'Check: ', ['path', 'passphrase']);
      if (fields.path === undefined || fields.path === null) return files.check();
      return files.checkFile(
        requireAbsolutePath(fields.path, 'path', 'Check: '),
        optionalPassphrase(fields.passphrase),
      );
    },
  };
}
