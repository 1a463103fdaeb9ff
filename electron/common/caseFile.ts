/** Types of the case file that runs the clock (issue 16): notice analysis, deadline rules, deadlines. */
import type { Lang, Marketplace } from './content.js';
import type { CaseCause, CaseRecord } from './notebook.js';

/** Documents a notice may ask for, by id. */
export const NOTICE_DOCUMENTS = [
  'invoices',
  'letter-of-authorization',
  'business-license',
  'utility-bill',
  'identity-document',
  'bank-statement',
  'plan-of-action',
  'safety-data-sheet',
  'test-report',
  'certificate-of-compliance',
] as const;
export type NoticeDocument = (typeof NOTICE_DOCUMENTS)[number];

/** A deadline as the notice states it: "within 17 days" → days 17; "after two unsuccessful appeals" → appeals 2. */
export interface StatedDeadline {
  kind: 'days' | 'hours' | 'appeals';
  amount: number;
  phrase: string;
}

/** Why the analyzer decided a field: the field and the words of the notice that decided it. */
export interface NoticeEvidence {
  field: 'cause' | 'marketplace' | 'noticeDate' | 'asins' | 'documents' | 'deadlines' | 'addresses' | 'articles';
  phrase: string;
}

/** Why a text is not taken as a notice. */
export type NoticeRejection = 'empty' | 'too-long' | 'binary' | 'garbled' | 'not-amazon';

export interface NoticeAnalysis {
  /** False for text that is not an Amazon notice (then every other field is empty). */
  found: boolean;
  rejection: NoticeRejection | null;
  /** "no Amazon notice found: …" when not found, else a one-line summary. */
  message: string;
  language: 'en' | 'ja' | 'de' | null;
  cause: CaseCause;
  marketplace: Marketplace | null;
  /** YYYY-MM-DD */
  noticeDate: string | null;
  asins: string[];
  documents: NoticeDocument[];
  deadlines: StatedDeadline[];
  /** E-mail addresses the notice names (not the recipient's own). */
  addresses: string[];
  /** Library article ids to read first. */
  articles: string[];
  evidence: NoticeEvidence[];
}

/** The notice a case was made from. */
export interface CaseNotice {
  caseId: number;
  text: string;
  analysis: NoticeAnalysis;
  createdAt: string;
}

/** The events a deadline rule counts from. */
export const DEADLINE_EVENTS = ['notice-received', 'appeal-sent'] as const;
export type DeadlineEvent = (typeof DEADLINE_EVENTS)[number];

/** A public source a rule rests on. */
export interface DeadlineSource {
  title: string;
  publisher: string;
  url: string;
}

/** One rule of content/deadlines.json. */
export interface DeadlineRule {
  id: string;
  title: Record<Lang, string>;
  /** The event it counts from. */
  from: DeadlineEvent;
  /** Days after the event; with `stated`, the notice's own figure wins. */
  days: number;
  /** 'ALL' or the marketplace codes it applies to. */
  marketplaces: (Marketplace | 'ALL')[];
  /** 'ALL' or the causes it applies to. */
  causes: (CaseCause | 'ALL')[];
  /** Applies only when the notice states such a deadline ('days' or 'appeals'). */
  stated?: 'days' | 'hours' | 'appeals';
  /** Applies only while the case has this status. */
  status?: CaseRecord['status'];
  /** Applies only to events on or after this date (YYYY-MM-DD), e.g. a policy's start. */
  since?: string;
  articleId: string;
  source: DeadlineSource;
  /** When the figure was last checked (YYYY-MM-DD). */
  asOf: string;
}

export type DeadlineState = 'past' | 'due' | 'coming';

/** A deadline of one case, with the rule and event it comes from. */
export interface CaseDeadline {
  id: string;
  caseId: number;
  title: Record<Lang, string>;
  /** YYYY-MM-DD; null for a condition with no date ("after two unsuccessful appeals"). */
  due: string | null;
  /** In words (English): what it counts from, how far, and on whose word. */
  basis: string;
  /** The notice's own words when the rule takes its figure from the notice. */
  statedPhrase: string | null;
  /** A condition to watch ("after two unsuccessful appeals") has no date, ever. */
  condition: boolean;
  from: DeadlineEvent;
  fromDate: string | null;
  days: number;
  articleId: string;
  source: DeadlineSource;
  asOf: string;
  state: DeadlineState | null;
  /** A date the user typed that the rule would move: the rule's date is offered, never imposed. */
  typed: string | null;
}

/** A dated case deadline that falls due soon, for the home page, reminders and `seller-kb due`. */
export interface DueDeadline extends CaseDeadline {
  caseTitle: string;
  overdue: boolean;
}

/** A case's timeline: past events and its deadlines. */
export interface CaseSchedule {
  caseId: number;
  events: { kind: DeadlineEvent; date: string }[];
  deadlines: CaseDeadline[];
}

/** A calendar file for download. */
export interface CalendarFile {
  fileName: string;
  content: string;
}

/** Preferences of the desktop reminders. */
export interface ReminderSettings {
  /** Keep running in the tray when the window is closed, so reminders still fire. */
  keepInTray: boolean;
}

/** The longest notice text the analyzer reads (characters); longer pastes are refused. */
export const MAX_NOTICE_CHARS = 200_000;
