import type { Marketplace, TextPart } from './index.js';

export const CASE_STATUSES = ['open', 'appeal-sent', 'more-info-requested', 'reinstated', 'denied', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The library's seven causes of suspension, plus "other". */
export const CASE_CAUSES = [
  'related-accounts',
  'restricted-products',
  'a-to-z-chargebacks',
  'order-defect-rate',
  'counterfeit',
  'ip-infringement',
  'new-account',
  'other',
] as const;
export type CaseCause = (typeof CASE_CAUSES)[number];

/** Calendar dates are 'YYYY-MM-DD'; instants are ISO 8601 strings. */
export interface CaseRecord {
  id: number;
  title: string;
  marketplace: Marketplace | null;
  cause: CaseCause;
  status: CaseStatus;
  noticeReceived: string | null;
  appealSent: string | null;
  nextFollowUp: string | null;
  asins: string[];
  linkedArticles: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  noteCount: number;
}

export interface CaseInput {
  title: string;
  marketplace?: Marketplace | null;
  cause?: CaseCause;
  status?: CaseStatus;
  noticeReceived?: string | null;
  appealSent?: string | null;
  nextFollowUp?: string | null;
  asins?: string[];
  linkedArticles?: string[];
}

// 'attachment': the text of an attached file (PDF text or OCR), written by the evidence vault so notes search finds it.
export const NOTE_KINDS = ['note', 'plan-of-action', 'attachment'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface NoteRecord {
  id: number;
  caseId: number;
  title: string;
  body: string;
  tags: string[];
  kind: NoteKind;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Increases on every save; a save naming an older revision is refused instead of overwriting. */
  revision: number;
}

export interface NoteInput {
  /** Absent to create a note. */
  id?: number;
  caseId: number;
  title?: string;
  body: string;
  tags?: string[];
  kind?: NoteKind;
  /** The revision the editor started from; a mismatch is refused so no edit is silently lost. */
  baseRevision?: number;
}

export const ACTIVITY_KINDS = [
  'case-created',
  'case-updated',
  'status-changed',
  'case-deleted',
  'case-restored',
  'note-added',
  'note-deleted',
  'note-restored',
  'exported',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityRecord {
  id: number;
  caseId: number;
  kind: ActivityKind;
  detail: string;
  at: string;
}

export interface CaseDetail {
  case: CaseRecord;
  notes: NoteRecord[];
  activity: ActivityRecord[];
}

export interface NoteHit {
  noteId: number;
  caseId: number;
  caseTitle: string;
  title: string;
  snippet: TextPart[];
  updatedAt: string;
}

/** A follow-up that is due, and the library rule that set it. */
export interface DueItem {
  caseId: number;
  caseTitle: string;
  status: CaseStatus;
  nextFollowUp: string;
  overdue: boolean;
  ruleArticle: string | null;
}

export interface TrashContents {
  cases: CaseRecord[];
  notes: NoteRecord[];
}

export interface ExportFile {
  path: string;
  content: string;
}

export interface ExportRequest {
  format: 'md' | 'json';
  /** Absent for the whole notebook. */
  caseId?: number;
  /** The language the Markdown export is worded in (the interface's); English when absent. */
  lang?: 'zh' | 'en';
}

export interface ImportSummary {
  cases: number;
  notes: number;
}

export interface BackupInfo {
  path: string;
  bytes: number;
  createdAt: string;
  /** Encrypted with a passphrase (the notebook's, when it was made). */
  encrypted: boolean;
}

export interface ChecklistProgress {
  articleId: string;
  /** checklist name → indexes of ticked steps */
  ticked: Record<string, number[]>;
}

export interface ChecklistStepChange {
  articleId: string;
  checklist: string;
  step: number;
  done: boolean;
}

export interface NotebookStatus {
  path: string;
  schemaVersion: number;
  ok: boolean;
  encrypted: boolean;
  message: string;
}

/** The shortest passphrase the notebook may be encrypted with, in characters. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Whether the notebook is encrypted at rest, and whether it still waits for its passphrase. */
export interface NotebookSecurity {
  encrypted: boolean;
  locked: boolean;
}

/** The outcome of turning encryption on or off or changing the passphrase. */
export interface SecurityChange extends NotebookSecurity {
  /** Backups in the data folder converted along with the notebook. */
  convertedBackups: string[];
  /** Backups left as they were (damaged, or encrypted with another passphrase), each with the reason. */
  skippedBackups: { path: string; message: string }[];
}
