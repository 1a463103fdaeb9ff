/** Note drafts (issue 13): what the editor holds before it is saved, kept in the notebook itself. */

/** The editor's fields as typed (tags as the text of the tags field). */
export interface NoteDraftFields {
  title: string;
  tags: string;
  body: string;
}

/** Which draft: one per note, or one per case for a note not saved yet (`noteId` absent or null). */
export interface NoteDraftKey {
  caseId: number;
  noteId?: number | null;
}

export interface NoteDraftInput extends NoteDraftKey, NoteDraftFields {
  /** The note's revision the draft was typed over; null for a new note. */
  baseRevision?: number | null;
}

export interface NoteDraft extends NoteDraftFields {
  caseId: number;
  noteId: number | null;
  baseRevision: number | null;
  /** When it was last written, ISO 8601. */
  savedAt: string;
}
