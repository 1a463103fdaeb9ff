import type { CaseNotice, NoticeAnalysis } from '../../common/index.js';
import { MAX_NOTICE_CHARS } from '../../common/index.js';
import { timestampOr, type CaseTransfer } from '../notes/caseTransfer.js';
import type { Notebook } from '../notes/notebook.js';
import { requireObject, requireString } from '../validation.js';

interface NoticeRow {
  case_id: number;
  text: string;
  analysis: string;
  created_at: string;
}

/** Keeps the notice a case was made from with the case (inside the caller's transaction). */
export function saveCaseNotice(
  notebook: Notebook,
  caseId: number,
  text: string,
  analysis: NoticeAnalysis,
  createdAt = notebook.timestamp(),
): void {
  notebook.db
    .prepare('INSERT OR REPLACE INTO case_notices (case_id, text, analysis, created_at) VALUES (?, ?, ?, ?)')
    .run(caseId, text, JSON.stringify(analysis), createdAt);
}

/** The notice a case was made from, or null for a case made by hand. */
export function findCaseNotice(notebook: Notebook, caseId: number): CaseNotice | null {
  const row = notebook.db.prepare('SELECT * FROM case_notices WHERE case_id = ?').get(caseId) as NoticeRow | undefined;
  return row
    ? {
        caseId: row.case_id,
        text: row.text,
        analysis: JSON.parse(row.analysis) as NoticeAnalysis,
        createdAt: row.created_at,
      }
    : null;
}

/** The analyses of every case that has a notice, by case id (one query for the due list). */
export function allNoticeAnalyses(notebook: Notebook): Map<number, NoticeAnalysis> {
  const rows = notebook.db.prepare('SELECT case_id, analysis FROM case_notices').all() as Pick<
    NoticeRow,
    'case_id' | 'analysis'
  >[];
  return new Map(rows.map((row) => [row.case_id, JSON.parse(row.analysis) as NoticeAnalysis]));
}

/**
 * The notice's share of a case in a JSON export: its text and when it was kept. On import the text
 * is analysed again (the analysis is the app's, not the file's to say); a text that no longer reads
 * as a notice keeps no analysis, and stays in the case's notice note.
 */
export function noticeTransfer(analyze: (text: string) => NoticeAnalysis): CaseTransfer {
  return {
    exportCase: (notebook, caseId) => {
      const notice = findCaseNotice(notebook, caseId);
      return notice ? { notice: { text: notice.text, createdAt: notice.createdAt } } : {};
    },
    importCase: (notebook, caseId, imported) => {
      if (imported.notice === undefined || imported.notice === null) return;
      const fields = requireObject(imported.notice, 'notice', 'Notices: ');
      const text = requireString(fields.text, 'notice.text', 'Notices: ', MAX_NOTICE_CHARS);
      const analysis = analyze(text);
      if (analysis.found) saveCaseNotice(notebook, caseId, text, analysis, timestampOr(fields.createdAt, notebook));
    },
  };
}
