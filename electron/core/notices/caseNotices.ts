import type { CaseNotice, NoticeAnalysis } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';

interface NoticeRow {
  case_id: number;
  text: string;
  analysis: string;
  created_at: string;
}

/** Keeps the notice a case was made from with the case (inside the caller's transaction). */
export function saveCaseNotice(notebook: Notebook, caseId: number, text: string, analysis: NoticeAnalysis): void {
  notebook.db
    .prepare('INSERT OR REPLACE INTO case_notices (case_id, text, analysis, created_at) VALUES (?, ?, ?, ?)')
    .run(caseId, text, JSON.stringify(analysis), notebook.timestamp());
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
