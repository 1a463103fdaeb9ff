import { existsSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { BackupInfo, ExportFile, ExportRequest, ImportSummary, NotebookStatus } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { backupDatabase, backupPath, listBackupFiles, replaceWithBackup, verifyBackupFile } from './backups.js';
import { inspect, openNotebookDatabase, type Db } from './database.js';
import { exportJson, exportMarkdown, importJson } from './exportImport.js';
import type { Notebook } from './notebook.js';
import { requireId } from './validate.js';

/** A backup goes to a new absolute *.db path in an existing folder: never a relative path, never over a file. */
function checkBackupTarget(target: unknown): asserts target is string {
  if (typeof target !== 'string' || !isAbsolute(target) || !/\.db$/i.test(target)) {
    throw new KbError('INVALID_INPUT', `Backup: "path" must be an absolute path ending in .db, not ${JSON.stringify(target)}`);
  }
  if (!existsSync(dirname(target))) throw new KbError('NOT_FOUND', `Backup: folder ${dirname(target)} not found`);
  if (existsSync(target)) throw new KbError('INVALID_INPUT', `Backup: ${target} already exists; choose a new file name`);
}

/** Owns the open notebook and everything that treats it as a file: export, import, backup, restore, check. */
export class NotebookFiles {
  private current: Notebook | null = null;
  private lastError: KbError | null = null;

  constructor(
    readonly path: string,
    private readonly now: () => Date,
    private readonly wrap: (db: Db) => Notebook,
  ) {}

  attach(db: Db): void {
    this.current = this.wrap(db);
    this.lastError = null;
  }

  /** Opens the notebook file; a damaged or too-new file leaves the notebook closed with that error, the library still usable. */
  async open(): Promise<void> {
    try {
      this.attach(await openNotebookDatabase(this.path));
    } catch (error) {
      if (!(error instanceof KbError)) throw error;
      this.lastError = error;
    }
  }

  /** The open notebook, or the error that keeps it closed (e.g. after a failed restore). */
  notebook(): Notebook {
    if (this.current) return this.current;
    throw this.lastError ?? new KbError('STORAGE', `Notebook: ${this.path} is not open`);
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  export(request: ExportRequest): ExportFile[] {
    const notebook = this.notebook();
    if (request?.format !== 'md' && request?.format !== 'json') throw new KbError('INVALID_INPUT', 'Export: "format" must be "md" or "json"');
    const ids = request.caseId === undefined ? notebook.listCases().map((record) => record.id) : [requireId(request.caseId, 'caseId')];
    const details = ids.map((id) => notebook.getCase(id));
    notebook.write(() => details.forEach((detail) => notebook.logActivity(detail.case.id, 'exported', request.format)));
    return request.format === 'json' ? [exportJson(details, notebook.timestamp())] : exportMarkdown(details);
  }

  import(json: unknown): ImportSummary {
    return importJson(this.notebook(), json as string);
  }

  /** An online backup to `target`, or to the backup folder when no file is named. */
  async backup(target?: string): Promise<BackupInfo> {
    if (target !== undefined) checkBackupTarget(target);
    return backupDatabase(this.notebook().db, target ?? backupPath(this.path, this.now()));
  }

  listBackups(): BackupInfo[] {
    return listBackupFiles(this.path);
  }

  /**
   * Replaces the notebook with a checked backup. The current file is kept beside it; if the restored
   * file cannot be opened, the kept file is put back.
   */
  async restore(backup: string): Promise<BackupInfo> {
    if (!isAbsolute(backup)) throw new KbError('INVALID_INPUT', `Restore: "path" must be an absolute path, not ${JSON.stringify(backup)}`);
    verifyBackupFile(backup);
    if (this.current) {
      this.current.db.pragma('wal_checkpoint(TRUNCATE)');
      this.close();
    }
    const kept = replaceWithBackup(this.path, backup, this.now());
    try {
      this.attach(await openNotebookDatabase(this.path));
    } catch (error) {
      replaceWithBackup(this.path, kept, this.now());
      this.attach(await openNotebookDatabase(this.path));
      throw error;
    }
    return { path: kept, bytes: 0, createdAt: this.now().toISOString() };
  }

  check(): NotebookStatus {
    if (!this.current) return { path: this.path, schemaVersion: -1, ok: false, message: this.lastError?.message ?? `Notebook: ${this.path} is not open` };
    const notebook = this.current;
    try {
      const schemaVersion = inspect(notebook.db, this.path);
      return { path: this.path, schemaVersion, ok: true, message: `Notebook: ${this.path} is healthy (schema ${schemaVersion})` };
    } catch (error) {
      if (error instanceof KbError) return { path: this.path, schemaVersion: -1, ok: false, message: error.message };
      throw error;
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
