import type { CaseDetail, CaseInput, ExportFile, ImportSummary, Lang } from '../../common/index.js';
import { CASE_LABELS, KbError, labelOf } from '../../common/index.js';
import type { CaseTransfer } from './caseTransfer.js';
import type { Notebook } from './notebook.js';
import { validateCaseInput, validateNoteInput } from './validate.js';

const EXPORT_FORMAT = 'seller-kb-notebook';
const EXPORT_VERSION = 1;
const MAX_IMPORT_CHARS = 200_000_000;

/** The notebook (or one case) as one JSON file that importNotebook reads back. */
export function exportJson(notebook: Notebook, details: CaseDetail[], transfer: CaseTransfer): ExportFile {
  const cases = details.map((detail) => ({
    ...detail.case,
    notes: detail.notes,
    activity: detail.activity,
    ...transfer.exportCase(
      notebook,
      detail.case.id,
      detail.notes.map((note) => note.id),
    ),
  }));
  const exportedAt = notebook.timestamp();
  const payload = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, cases };
  const name = details.length === 1 ? `case-${details[0]!.case.id}.json` : 'seller-kb-notebook.json';
  return { path: name, content: JSON.stringify(payload, null, 2) };
}

/** One Markdown file per case: its facts, then every note under its own heading; worded in `lang`. */
export function exportMarkdown(
  notebook: Notebook,
  details: CaseDetail[],
  transfer: CaseTransfer,
  lang: Lang = 'en',
): ExportFile[] {
  const words = CASE_LABELS[lang];
  return details.map(({ case: record, notes }) => {
    const facts: [string, string][] = [
      [words.field.marketplace, record.marketplace ?? words.none],
      [words.field.cause, labelOf(words.cause, record.cause)],
      [words.field.status, labelOf(words.status, record.status)],
      [words.field.noticeReceived, record.noticeReceived ?? words.none],
      [words.field.appealSent, record.appealSent ?? words.none],
      [words.field.nextFollowUp, record.nextFollowUp ?? words.none],
      [words.field.asins, record.asins.join(', ') || words.none],
    ];
    const lines = [
      `# ${record.title}`,
      '',
      ...facts.map(([name, value]) => `- **${name}${words.colon.trim()}** ${value}`),
      '',
    ];
    for (const note of notes) {
      const tags = note.tags.length ? ` · ${note.tags.join(words.listSeparator)}` : '';
      lines.push(
        `## ${note.title || words.note(note.id)}`,
        '',
        `_${labelOf(words.noteKind, note.kind)} · ${words.updated} ${note.updatedAt}${tags}_`,
        '',
        note.body,
        '',
      );
    }
    lines.push(...(transfer.markdownLines?.(notebook, record.id, lang) ?? []));
    const slug =
      record.title
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'case';
    return { path: `case-${record.id}-${slug}.md`, content: lines.join('\n') };
  });
}

interface ImportedCase {
  notes?: unknown[];
  [field: string]: unknown;
}

/**
 * Reads an exported JSON file into new cases and notes, all or nothing. Every case and note of the
 * file is validated here, once (the Notebook trusts the fields it is given); that `json` is text
 * was checked where it entered (backupHandlers).
 */
export function importJson(notebook: Notebook, json: string, transfer: CaseTransfer): ImportSummary {
  // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
  if (json.startsWith('\uFEFF')) json = json.slice(1);
  if (json.length > MAX_IMPORT_CHARS) throw new KbError('INVALID_INPUT', 'Import: the file is larger than 200 MB');
  let data: { format?: unknown; version?: unknown; cases?: unknown };
  try {
    data = JSON.parse(json) as typeof data;
  } catch (error) {
    throw new KbError('INVALID_INPUT', `Import: the file ("json") is not valid JSON (${(error as Error).message})`);
  }
  if (data?.format !== EXPORT_FORMAT || !Array.isArray(data.cases))
    throw new KbError(
      'INVALID_INPUT',
      `Import: not a Seller KB notebook export (expected "format": "${EXPORT_FORMAT}" and a "cases" list)`,
    );
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new KbError(
      'INVALID_INPUT',
      `Import: "version" must be a whole number such as ${EXPORT_VERSION}, not ${JSON.stringify(data.version) ?? 'missing'}`,
    );
  }
  if (data.version > EXPORT_VERSION)
    throw new KbError(
      'INVALID_INPUT',
      `Import: export version ${data.version} is newer than this Seller KB reads (${EXPORT_VERSION})`,
    );
  const cases = data.cases as ImportedCase[];
  return notebook.write(() => {
    let noteCount = 0;
    cases.forEach((imported, index) => {
      const where = `case ${index + 1}`;
      const fields = withContext(where, () => validateCaseInput(imported, false));
      const created = notebook.createCase(fields as CaseInput);
      const noteIds: number[] = [];
      for (const [noteIndex, note] of (Array.isArray(imported.notes) ? imported.notes : []).entries()) {
        const input = withContext(`${where}, note ${noteIndex + 1}`, () =>
          validateNoteInput({ ...(note as object), id: undefined, baseRevision: undefined, caseId: created.id }),
        );
        noteIds.push(notebook.saveNote(input).id);
        noteCount++;
      }
      withContext(where, () => transfer.importCase(notebook, created.id, imported, noteIds));
    });
    return { cases: cases.length, notes: noteCount };
  });
}

function withContext<T>(where: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof KbError)
      throw new KbError(error.code, `Import: ${where}: ${error.message.replace(/^Notebook: /, '')}`);
    throw error;
  }
}
