import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  BackupInfo,
  ExportFile,
  ExportRequest,
  ImportSummary,
  NotebookSecurity,
  NotebookStatus,
  SecurityChange,
} from '../../common/index.js';
import { KbError } from '../../common/index.js';
import {
  autoBackupIfDue,
  backupDatabase,
  backupPath,
  listBackupFiles,
  replaceWithBackup,
  verifyBackupFile,
} from './backups.js';
import { notebookFileKind, samePassphrase, wrongPassphraseError, type Passphrase } from './cipher.js';
import { inspect, openNotebookDatabase, storageError, type Db } from './database.js';
import {
  convertNotebookCopies,
  recoverInterruptedSwap,
  swapInConvertedCopy,
  writeConvertedCopy,
} from './encryption.js';
import { exportJson, exportMarkdown, importJson } from './exportImport.js';
import { realFile } from '../files/privateFiles.js';
import type { CaseTransfer } from './caseTransfer.js';
import type { Notebook } from './notebook.js';
import { isSymbolicLink, requireDirectory, requireRegularFile } from '../files/fileKinds.js';

/** A backup goes to a new file in an existing folder, never over a file (backupHandlers checked that the path is absolute and ends in .db). */
function checkBackupTarget(target: string): void {
  if (!existsSync(dirname(target)))
    throw new KbError('NOT_FOUND', `Backup: folder ${dirname(target)} not found`, {
      what: 'folder',
      name: dirname(target),
    });
  requireDirectory(dirname(target), 'Backup');
  // lstat: a dangling symbolic link is there too, and writing through it would land somewhere else.
  if (existsSync(target) || isSymbolicLink(target))
    throw new KbError('INVALID_INPUT', `Backup: ${target} already exists; choose a new file name`);
}

/** Undoes replaceWithBackup: the kept file (and its WAL) gets the notebook's name back. */
function putBack(kept: string, path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  for (const suffix of ['', '-wal'])
    if (existsSync(`${kept}${suffix}`)) renameSync(`${kept}${suffix}`, `${path}${suffix}`);
}

function lockedError(path: string): KbError {
  return new KbError(
    'PASSPHRASE_REQUIRED',
    `Notebook: ${path} is encrypted and locked; unlock it with its passphrase (Settings → Privacy, or SELLER_KB_PASSPHRASE for seller-kb).`,
  );
}

/**
 * Owns the open notebook and everything that treats it as a file: export, import, backup, restore,
 * check, and encryption at rest. An encrypted notebook stays closed (locked) until its passphrase is given.
 * Its arguments are typed and were checked where they entered (backupHandlers, privacyHandlers);
 * it checks what only the disk can tell (files, folders, passphrases that open them).
 */
export class NotebookFiles {
  private current: Notebook | null = null;
  private lastError: KbError | null = null;
  /** The open notebook's passphrase (null: plain), kept while unlocked to make and read its encrypted backups. */
  private passphrase: Passphrase = null;

  /**
   * @param transfer what a JSON export holds of a case beyond its fields, notes and activity, and
   *   how an import reads it back (attachments, the notice, the Plan of Action: see createCore).
   */
  constructor(
    readonly path: string,
    private readonly now: () => Date,
    private readonly wrap: (db: Db) => Notebook,
    private readonly transfer: CaseTransfer,
  ) {}

  private attach(db: Db, passphrase: Passphrase): void {
    this.current = this.wrap(db);
    this.passphrase = passphrase;
    this.lastError = null;
  }

  /** The notebook's database file: the target when `notebook.db` is a symbolic link (SQLite's WAL is beside the target). */
  private file(): string {
    return realFile(this.path);
  }

  private async reopen(passphrase: Passphrase): Promise<void> {
    this.attach(await openNotebookDatabase(this.file(), passphrase), passphrase);
  }

  /**
   * Opens the notebook file, first finishing any conversion a crash interrupted. An encrypted file
   * stays locked unless `passphrase` opens it; a damaged or too-new file leaves the notebook closed
   * with that error. Either way the library stays usable.
   */
  async open(passphrase: Passphrase = null): Promise<void> {
    try {
      // A FIFO or device in the notebook's place would block the first read of its header.
      if (existsSync(this.path)) requireRegularFile(this.path, 'Notebook');
      recoverInterruptedSwap(this.file());
      if (notebookFileKind(this.path) === 'encrypted') {
        this.lastError = lockedError(this.path);
        if (passphrase !== null) await this.unlock(passphrase);
      } else {
        await this.reopen(null);
      }
    } catch (error) {
      this.lastError = error instanceof KbError ? error : storageError(this.path, error);
    }
  }

  /** The open notebook, or the error that keeps it closed (locked, damaged, or after a failed restore). */
  notebook(): Notebook {
    if (this.current) return this.current;
    throw this.lastError ?? new KbError('STORAGE', `Notebook: ${this.path} is not open`);
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  security(): NotebookSecurity {
    const encrypted = this.current ? this.passphrase !== null : notebookFileKind(this.path) === 'encrypted';
    return { encrypted, locked: encrypted && !this.current };
  }

  /** Opens an encrypted notebook with its passphrase, then encrypts any plaintext copy a crash left in the data folder. */
  async unlock(given: string): Promise<NotebookSecurity> {
    if (this.current) {
      if (this.passphrase !== null && !samePassphrase(given, this.passphrase)) throw wrongPassphraseError(this.path);
      return this.security();
    }
    if (notebookFileKind(this.path) !== 'encrypted')
      throw (
        this.lastError ?? new KbError('CONFLICT', `Notebook: ${this.path} is not encrypted; there is nothing to unlock`)
      );
    try {
      await this.reopen(given);
    } catch (error) {
      if (error instanceof KbError && error.code !== 'WRONG_PASSPHRASE') this.lastError = error;
      throw error;
    }
    convertNotebookCopies(this.path, null, given);
    return this.security();
  }

  /** Closes an unlocked encrypted notebook and forgets its passphrase; a plain one has nothing to lock. */
  lock(): NotebookSecurity {
    if (!this.security().encrypted)
      throw new KbError('CONFLICT', `Notebook: ${this.path} is not encrypted; turn encryption on to lock it`);
    this.close();
    this.passphrase = null;
    this.lastError = lockedError(this.path);
    return this.security();
  }

  /** Encrypts the plain notebook, and every copy of it in the data folder, with a new passphrase. */
  async encrypt(next: string): Promise<SecurityChange> {
    this.notebook();
    if (this.passphrase !== null)
      throw new KbError('CONFLICT', `Privacy: ${this.path} is already encrypted; change its passphrase instead`);
    return this.convert(null, next);
  }

  async changePassphrase(current: string, to: string): Promise<SecurityChange> {
    const from = this.requireCurrentPassphrase(current);
    if (to === from)
      throw new KbError('INVALID_INPUT', 'Privacy: "next" is the current passphrase; choose a different one');
    return this.convert(from, to);
  }

  /** Turns encryption off: the notebook and the copies in the data folder become plain SQLite files again. */
  async decrypt(passphrase: string): Promise<SecurityChange> {
    return this.convert(this.requireCurrentPassphrase(passphrase), null);
  }

  private requireCurrentPassphrase(given: string): string {
    this.notebook();
    if (this.passphrase === null) throw new KbError('CONFLICT', `Privacy: ${this.path} is not encrypted`);
    if (!samePassphrase(given, this.passphrase)) throw wrongPassphraseError(this.path);
    return this.passphrase;
  }

  /**
   * Rewrites the notebook from `fromKey` to `toKey` without ever leaving it unreadable: a converted
   * copy is written and checked beside it, then swapped in by renames (see swapInConvertedCopy).
   */
  private async convert(fromKey: Passphrase, toKey: Passphrase): Promise<SecurityChange> {
    this.notebook();
    await this.closeForReplacing();
    // Through a symbolic link the target is converted where it lies, so no plaintext stays behind it.
    const file = this.file();
    try {
      swapInConvertedCopy(file, writeConvertedCopy(file, fromKey, toKey));
    } catch (error) {
      recoverInterruptedSwap(file);
      await this.reopen(fromKey);
      throw error instanceof KbError ? error : storageError(this.path, error);
    }
    await this.reopen(toKey);
    return { ...this.security(), ...convertNotebookCopies(this.path, fromKey, toKey) };
  }

  /**
   * Closes the notebook so that its file can be replaced. The last connection to close checkpoints
   * the WAL into the file and deletes it, so a WAL left behind means another process has the file
   * open: then the notebook is reopened and the replacement refused.
   */
  private async closeForReplacing(): Promise<void> {
    if (!this.current) return;
    const passphrase = this.passphrase;
    // The WAL is merged first, in the open: closing would swallow a failure (a full disk) and leave
    // the WAL behind, which would then read as another process holding the file.
    try {
      this.current.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Busy: another connection is reading; the WAL check below says so in its own words.
      if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw storageError(this.path, error);
    }
    this.close();
    if (existsSync(`${this.file()}-wal`)) {
      await this.reopen(passphrase);
      throw new KbError(
        'LOCKED',
        `Notebook: ${this.path} is open in another Seller KB window or command; close it and try again. Nothing was changed.`,
      );
    }
  }

  export(request: ExportRequest): ExportFile[] {
    const notebook = this.notebook();
    const ids = request.caseId === undefined ? notebook.listCases().map((record) => record.id) : [request.caseId];
    const details = ids.map((id) => notebook.getCase(id));
    notebook.write(() => details.forEach((detail) => notebook.logActivity(detail.case.id, 'exported', request.format)));
    return request.format === 'json'
      ? [exportJson(notebook, details, this.transfer)]
      : exportMarkdown(notebook, details, this.transfer, request.lang ?? 'en');
  }

  import(json: string): ImportSummary {
    const notebook = this.notebook();
    return importJson(notebook, json, this.transfer);
  }

  /** An online backup to `target`, or to the backup folder when no file is named; an encrypted notebook's backup is encrypted with its passphrase. */
  async backup(target?: string): Promise<BackupInfo> {
    if (target !== undefined) checkBackupTarget(target);
    return backupDatabase(this.notebook().db, target ?? backupPath(this.path, this.now()), this.passphrase);
  }

  /** The daily automatic backup, when one is due. */
  async autoBackup(): Promise<void> {
    await autoBackupIfDue(this.notebook().db, this.path, this.now(), this.passphrase);
  }

  listBackups(): BackupInfo[] {
    return listBackupFiles(this.path);
  }

  /** The passphrase to read `file` with: none for a plain file, else the one given, else the open notebook's. */
  private passphraseFor(file: string, given: string | undefined): Passphrase {
    if (!existsSync(file))
      throw new KbError('NOT_FOUND', `Notebook: backup ${file} not found`, { what: 'backup', name: file });
    if (notebookFileKind(file) !== 'encrypted') return null;
    if (given !== undefined) return given;
    if (this.passphrase !== null) return this.passphrase;
    throw new KbError('PASSPHRASE_REQUIRED', `Notebook: backup ${file} is encrypted; give its passphrase`);
  }

  /**
   * Replaces the notebook with a checked backup. The current file is kept beside it; if the restored
   * file cannot be opened, the kept file is put back. Restoring never lowers protection: into an
   * unlocked encrypted notebook a backup is restored encrypted with the notebook's passphrase, and
   * into a locked one (whose passphrase is not known) only an encrypted backup is restored.
   */
  async restore(backup: string, passphrase?: string): Promise<BackupInfo> {
    // A FIFO or a device is refused before anything opens it.
    requireRegularFile(backup, 'Restore');
    const backupKey = this.passphraseFor(backup, passphrase);
    if (backupKey === null && this.security().locked) {
      throw new KbError(
        'PASSPHRASE_REQUIRED',
        `Restore: ${this.path} is encrypted and locked, and ${backup} is not encrypted; unlock the notebook first (Settings → Privacy, or SELLER_KB_PASSPHRASE for seller-kb) so that the restored copy is encrypted with its passphrase. Nothing was changed.`,
      );
    }
    verifyBackupFile(backup, backupKey);
    const previousKey = this.current ? this.passphrase : null;
    await this.closeForReplacing();
    const kept = replaceWithBackup(this.path, backup, this.now());
    try {
      await this.reopen(backupKey);
    } catch (error) {
      putBack(kept, this.path);
      await this.open(previousKey);
      throw error;
    }
    if (previousKey !== null && backupKey !== previousKey) await this.convert(backupKey, previousKey);
    return {
      path: kept,
      bytes: 0,
      createdAt: this.now().toISOString(),
      encrypted: notebookFileKind(kept) === 'encrypted',
    };
  }

  /** The notebook's health. */
  check(): NotebookStatus {
    const encrypted = this.security().encrypted;
    if (!this.current)
      return {
        path: this.path,
        schemaVersion: -1,
        ok: false,
        encrypted,
        message: this.lastError?.message ?? `Notebook: ${this.path} is not open`,
      };
    const notebook = this.current;
    try {
      const schemaVersion = inspect(notebook.db, this.path);
      return {
        path: this.path,
        schemaVersion,
        ok: true,
        encrypted,
        message: `Notebook: ${this.path} is healthy (schema ${schemaVersion}${encrypted ? ', encrypted' : ''})`,
      };
    } catch (error) {
      if (error instanceof KbError)
        return { path: this.path, schemaVersion: -1, ok: false, encrypted, message: error.message };
      throw error;
    }
  }

  /** The health of a backup file (an encrypted one read with `passphrase`, or else with the open notebook's). */
  checkFile(path: string, passphrase?: string): NotebookStatus {
    // A FIFO or a device is refused before anything opens it.
    requireRegularFile(path, 'Check');
    const key = this.passphraseFor(path, passphrase);
    const encrypted = key !== null;
    try {
      const schemaVersion = verifyBackupFile(path, key);
      return {
        path,
        schemaVersion,
        ok: true,
        encrypted,
        message: `Notebook: ${path} is healthy (schema ${schemaVersion}${encrypted ? ', encrypted' : ''})`,
      };
    } catch (error) {
      if (error instanceof KbError && (error.code === 'CORRUPT_DATABASE' || error.code === 'SCHEMA_TOO_NEW'))
        return { path, schemaVersion: -1, ok: false, encrypted, message: error.message };
      throw error;
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
