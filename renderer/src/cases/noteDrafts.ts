import type { NoteDraft } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';

/**
 * The editor's drafts: what is typed is written to the notebook (encrypted with it) on every
 * change, one write at a time per note, the latest text winning. While the notebook refuses them
 * (locked), drafts stay in this page's memory only: never in localStorage, which is plaintext.
 */
export interface NoteFields {
  title: string;
  tags: string;
  body: string;
}

export type { NoteDraft };

/** Where earlier versions kept drafts (plaintext localStorage): moved into memory at start, then into the notebook. */
const LEGACY_PREFIX = 'seller-kb:note-draft:';

const inMemory = new Map<string, NoteDraft>();
const queues = new Map<string, Promise<void>>();
const writeQueued = new Set<string>();

/** One key per note, or per case for a note not yet saved. */
function draftKey(caseId: number, noteId: number | undefined): string {
  return `${caseId}:${noteId ?? 'new'}`;
}

function isLegacyDraft(value: unknown): value is Omit<NoteDraft, 'caseId' | 'noteId'> {
  const draft = value as Partial<NoteDraft> | null;
  return (
    typeof draft?.title === 'string' &&
    typeof draft.tags === 'string' &&
    typeof draft.body === 'string' &&
    typeof draft.savedAt === 'string'
  );
}

/** Takes the drafts an earlier version left in localStorage out of it, into memory (written to the notebook when their note opens). */
function adoptLegacyDrafts(): void {
  try {
    const storage = window.localStorage;
    for (const name of Object.keys(storage).filter((key) => key.startsWith(LEGACY_PREFIX))) {
      const match = /^(\d+):(\d+|new)$/.exec(name.slice(LEGACY_PREFIX.length));
      const value: unknown = JSON.parse(storage.getItem(name) ?? 'null');
      storage.removeItem(name);
      if (!match || !isLegacyDraft(value)) continue;
      const noteId = match[2] === 'new' ? null : Number(match[2]);
      inMemory.set(draftKey(Number(match[1]), noteId ?? undefined), {
        ...value,
        caseId: Number(match[1]),
        noteId,
        baseRevision: value.baseRevision ?? null,
      });
    }
  } catch {
    // No storage (private mode): nothing was left there.
  }
}
adoptLegacyDrafts();

/** Runs the draft operations of one note in order, so a discard is never overtaken by an earlier write. */
function enqueue(key: string, operation: () => Promise<unknown>): Promise<void> {
  const next = (queues.get(key) ?? Promise.resolve()).then(operation).then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, next);
  return next;
}

/** Writes the newest text of a note's draft to the notebook; on success it no longer needs memory. */
function persist(key: string): void {
  if (writeQueued.has(key)) return;
  writeQueued.add(key);
  void enqueue(key, async () => {
    writeQueued.delete(key);
    const draft = inMemory.get(key);
    if (!draft) return;
    await kb.saveNoteDraft({
      caseId: draft.caseId,
      noteId: draft.noteId,
      title: draft.title,
      tags: draft.tags,
      body: draft.body,
      baseRevision: draft.baseRevision,
    });
    if (inMemory.get(key) === draft) inMemory.delete(key);
  });
}

/** The note's draft: the one in memory (not written yet), else the notebook's. */
export async function readDraft(caseId: number, noteId: number | undefined): Promise<NoteDraft | null> {
  const key = draftKey(caseId, noteId);
  await queues.get(key);
  const held = inMemory.get(key);
  if (held) {
    persist(key);
    return held;
  }
  try {
    return await kb.getNoteDraft({ caseId, noteId: noteId ?? null });
  } catch {
    return null;
  }
}

export function writeDraft(
  caseId: number,
  noteId: number | undefined,
  fields: NoteFields,
  baseRevision: number | null,
): void {
  const key = draftKey(caseId, noteId);
  inMemory.set(key, {
    caseId,
    noteId: noteId ?? null,
    title: fields.title,
    tags: fields.tags,
    body: fields.body,
    baseRevision,
    savedAt: new Date().toISOString(),
  });
  persist(key);
}

export function removeDraft(caseId: number, noteId: number | undefined): void {
  const key = draftKey(caseId, noteId);
  inMemory.delete(key);
  void enqueue(key, () => kb.discardNoteDraft({ caseId, noteId: noteId ?? null }));
}

export function sameFields(a: NoteFields, b: NoteFields): boolean {
  return a.title === b.title && a.body === b.body && parseTags(a.tags).join('\n') === parseTags(b.tags).join('\n');
}

/** "a, b，c" → ["a", "b", "c"] (ASCII and full-width commas). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
