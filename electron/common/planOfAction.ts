import type { CaseCause } from './notebook.js';

/** The parts of a Plan of Action a question feeds (Amazon asks for root cause, actions and prevention). */
export const POA_PARTS = ['account', 'facts', 'root-cause', 'actions', 'prevention', 'evidence'] as const;
export type PoaPart = (typeof POA_PARTS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

/** One question of the guided form; its answer fills the letter's placeholders named in `fills`. */
export interface PoaQuestion {
  id: string;
  part: PoaPart;
  label: Bilingual;
  hint: Bilingual;
  /** Placeholders of the letter templates the answer fills, in order (one line of the answer each, where several). */
  fills: string[];
  /** One item per line (root causes, actions, prevention steps). */
  lines: boolean;
}

/** The questions for a case's cause, with the seller's saved answers (question id → text). */
export interface PoaForm {
  caseId: number;
  cause: CaseCause;
  questions: PoaQuestion[];
  answers: Record<string, string>;
}

export interface PoaAnswerRequest {
  caseId: number;
  question: string;
  /** Empty text clears the answer. */
  text: string;
}

/** A placeholder the draft could not fill, and what would fill it. */
export interface PoaUnfilled {
  placeholder: string;
  /** The question whose answer fills it, or null. */
  question: string | null;
  /** The case field that fills it (marketplace, noticeReceived, asins), or null. */
  caseField: string | null;
  message: string;
  messageZh: string;
}

export const POA_CHECK_IDS = [
  'placeholders',
  'three-parts',
  'asins',
  'coverage',
  'tone',
  'promises',
  'length',
  'spelling',
  'english-only',
  'evidence',
] as const;
export type PoaCheckId = (typeof POA_CHECK_IDS)[number];

/** One check before sending, with a reason the seller understands. */
export interface PoaCheck {
  id: PoaCheckId;
  ok: boolean;
  message: string;
  messageZh: string;
}

export interface PoaDraft {
  text: string;
  unfilled: PoaUnfilled[];
  checks: PoaCheck[];
}

/** One appeal as it was sent. */
export interface AppealSubmission {
  caseId: number;
  /** Appeal #1, #2 … */
  number: number;
  text: string;
  sentAt: string;
}

export interface AppealLog {
  caseId: number;
  submissions: AppealSubmission[];
  /** Appeals that did not succeed: every one followed by another, and the last when the case was denied. */
  unsuccessful: number;
  /** Shown before another appeal is sent; null when there is nothing to warn about. */
  warning: string | null;
  warningZh: string | null;
}

/** A piece of a comparison: text both share, or text only the newer (added) or older (removed) has. */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** A state of a note: id 0 is the note as it is now, positive ids its kept earlier states. */
export interface NoteRevision {
  id: number;
  noteId: number;
  /** The note's revision counter at the last save this snapshot holds. */
  revision: number;
  title: string;
  body: string;
  tags: string[];
  savedAt: string;
}
