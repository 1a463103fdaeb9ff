import { readStored, removeStored, writeStored } from '../app/storage.js';

/** What the editor holds; kept in localStorage on every keystroke so nothing typed is lost. */
export interface NoteFields {
  title: string;
  tags: string;
  body: string;
}

export interface NoteDraft extends NoteFields {
  baseRevision: number | null;
  savedAt: string;
}

function isDraft(value: unknown): value is NoteDraft {
  const draft = value as Partial<NoteDraft> | null;
  return typeof draft?.title === 'string' && typeof draft.tags === 'string' && typeof draft.body === 'string' && typeof draft.savedAt === 'string';
}

/** One key per note, or per case for a note not yet saved. */
function draftKey(caseId: number, noteId: number | undefined): string {
  return `note-draft:${caseId}:${noteId ?? 'new'}`;
}

export function readDraft(caseId: number, noteId: number | undefined): NoteDraft | null {
  return readStored<NoteDraft | null>(draftKey(caseId, noteId), (value): value is NoteDraft | null => value === null || isDraft(value), null);
}

export function writeDraft(caseId: number, noteId: number | undefined, fields: NoteFields, baseRevision: number | null): void {
  writeStored(draftKey(caseId, noteId), { ...fields, baseRevision, savedAt: new Date().toISOString() } satisfies NoteDraft);
}

export function removeDraft(caseId: number, noteId: number | undefined): void {
  removeStored(draftKey(caseId, noteId));
}

export function sameFields(a: NoteFields, b: NoteFields): boolean {
  return a.title === b.title && a.body === b.body && parseTags(a.tags).join('\n') === parseTags(b.tags).join('\n');
}

/** "a, b，c" → ["a", "b", "c"] (ASCII and full-width commas). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))];
}
