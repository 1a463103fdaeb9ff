import type { ActivityRecord, CaseRecord, NoteRecord } from '../../common/index.js';

export interface CaseRow {
  id: number;
  title: string;
  marketplace: string | null;
  cause: string;
  status: string;
  notice_received: string | null;
  appeal_sent: string | null;
  next_follow_up: string | null;
  follow_up_rule: string | null;
  asins: string;
  linked_articles: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  note_count: number;
}

export interface NoteRow {
  id: number;
  case_id: number;
  title: string;
  body: string;
  tags: string;
  kind: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ActivityRow {
  id: number;
  case_id: number;
  kind: string;
  detail: string;
  at: string;
}

/** Selects a case with its count of live notes. */
export const CASE_SELECT = `SELECT c.*, (SELECT COUNT(*) FROM notes n WHERE n.case_id = c.id AND n.deleted_at IS NULL) AS note_count FROM cases c`;

export function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    title: row.title,
    marketplace: row.marketplace as CaseRecord['marketplace'],
    cause: row.cause as CaseRecord['cause'],
    status: row.status as CaseRecord['status'],
    noticeReceived: row.notice_received,
    appealSent: row.appeal_sent,
    nextFollowUp: row.next_follow_up,
    asins: JSON.parse(row.asins) as string[],
    linkedArticles: JSON.parse(row.linked_articles) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    noteCount: row.note_count,
  };
}

export function toNote(row: NoteRow): NoteRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    kind: row.kind as NoteRecord['kind'],
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function toActivity(row: ActivityRow): ActivityRecord {
  return { id: row.id, caseId: row.case_id, kind: row.kind as ActivityRecord['kind'], detail: row.detail, at: row.at };
}
