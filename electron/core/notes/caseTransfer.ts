import type { Lang } from '../../common/index.js';
import type { Notebook } from './notebook.js';

/**
 * One feature's share of a case in a JSON export (attachments, the notice, the Plan of Action):
 * what it adds to the exported case, and how it reads that back into an imported one.
 */
export interface CaseTransfer {
  /** Fields to add to the exported case; `noteIds` are its notes' ids in the order they are written. */
  exportCase(notebook: Notebook, caseId: number, noteIds: number[]): Record<string, unknown>;
  /**
   * Stores those fields for the case just created (inside the import's transaction), checking each
   * one; `noteIds` are the ids its imported notes got, in the same order.
   */
  importCase(notebook: Notebook, caseId: number, imported: Record<string, unknown>, noteIds: number[]): void;
  /** Lines for the case's Markdown export, after its notes (none when it has nothing to show there). */
  markdownLines?(notebook: Notebook, caseId: number, lang: Lang): string[];
}

/** The transfers as one, for exportJson and importJson. */
export function allTransfers(transfers: readonly CaseTransfer[]): CaseTransfer {
  return {
    exportCase: (notebook, caseId, noteIds) =>
      Object.assign({}, ...transfers.map((transfer) => transfer.exportCase(notebook, caseId, noteIds))) as Record<
        string,
        unknown
      >,
    importCase: (notebook, caseId, imported, noteIds) => {
      for (const transfer of transfers) transfer.importCase(notebook, caseId, imported, noteIds);
    },
    markdownLines: (notebook, caseId, lang) =>
      transfers.flatMap((transfer) => transfer.markdownLines?.(notebook, caseId, lang) ?? []),
  };
}

/** An exported time (ISO 8601) as it was, or now when the file's is missing or not a time. */
export function timestampOr(value: unknown, notebook: Notebook): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : notebook.timestamp();
}
