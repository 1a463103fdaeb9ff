import { readFileSync } from 'node:fs';
import type { DiffPart, PoaDraft } from '../common/index.js';
import { print, type Command, type CommandContext } from './commands.js';
import { parseWholeNumber, UsageError } from './usage.js';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
const id = (value: string | undefined, name: string) => parseWholeNumber(value, name, 1, Number.MAX_SAFE_INTEGER)!;
const textOrFile = { text: { type: 'string' }, file: { type: 'string' } } as const;

/** The text given with exactly one of --text and --file. */
function givenText(context: CommandContext): string {
  const inline = text(context.values.text);
  const file = text(context.values.file);
  if ((inline === undefined) === (file === undefined)) throw new UsageError('give exactly one of --text and --file');
  return inline ?? readFileSync(file!, 'utf8');
}

/** Text from --file when given, else undefined (the command then uses the draft). */
function optionalFile(context: CommandContext): string | undefined {
  const file = text(context.values.file);
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

/** A comparison for a terminal: removed text as [-…-], added as {+…+} (like git diff --word-diff). */
export function describeDiff(parts: DiffPart[]): string {
  return parts
    .map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value))
    .join('');
}

function describeDraft(draft: PoaDraft): string {
  const unfilled = draft.unfilled.map((item) => `  ${item.message}`);
  const checks = draft.checks.map((check) => `  ${check.ok ? 'ok  ' : 'FAIL'} ${check.id}: ${check.message}`);
  return [
    draft.text,
    '',
    `Unfilled placeholders: ${draft.unfilled.length}`,
    ...unfilled,
    '',
    'Checks before sending:',
    ...checks,
  ].join('\n');
}

/** --from and --to, both or neither; `lowest` is 1 for appeals and 0 (the note as it is now) for revisions. */
function diffRange(context: CommandContext, lowest: 0 | 1): [number, number] | null {
  const from = parseWholeNumber(text(context.values.from), '--from', lowest, Number.MAX_SAFE_INTEGER);
  const to = parseWholeNumber(text(context.values.to), '--to', lowest, Number.MAX_SAFE_INTEGER);
  if ((from === undefined) !== (to === undefined)) throw new UsageError('give both --from and --to to compare');
  return from === undefined ? null : [from, to!];
}

/** seller-kb poa …, appeals, note edit, note history: the Plan-of-Action builder and note history. */
export const POA_COMMANDS: Command[] = [
  {
    words: ['poa', 'questions'],
    usage: 'seller-kb poa questions <caseId> [--json]',
    summary: "The Plan-of-Action questions for a case's cause, with your answers",
    options: {},
    positionals: [1, 1],
    async run(context) {
      const form = await (await context.core()).getPoaForm({ caseId: id(context.positionals[0], 'caseId') });
      return print(context, form, () =>
        form.questions
          .map(
            (question) =>
              `${question.id}  ${question.label.en}\n    ${form.answers[question.id]?.replace(/\n/g, '\n    ') ?? '(not answered)'}`,
          )
          .join('\n'),
      );
    },
  },
  {
    words: ['poa', 'answer'],
    usage: 'seller-kb poa answer <caseId> <questionId> --text T | --file F',
    summary: 'Answer one Plan-of-Action question (empty text clears it)',
    options: textOrFile,
    positionals: [2, 2],
    async run(context) {
      const question = context.positionals[1]!;
      const form = await (
        await context.core()
      ).answerPoaQuestion({ caseId: id(context.positionals[0], 'caseId'), question, text: givenText(context) });
      return print(context, form, () => `Saved the answer to ${question}`);
    },
  },
  {
    words: ['poa', 'draft'],
    usage: 'seller-kb poa draft <caseId> [--file LETTER] [--json]',
    summary:
      'The letter from your answers, what is unfilled, and the checks before sending (--file: check an edited letter)',
    options: { file: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const edited = optionalFile(context);
      const draft = await (
        await context.core()
      ).buildPoaDraft({
        caseId: id(context.positionals[0], 'caseId'),
        ...(edited === undefined ? {} : { text: edited }),
      });
      return print(context, draft, () => describeDraft(draft));
    },
  },
  {
    words: ['poa', 'submit'],
    usage: 'seller-kb poa submit <caseId> [--file LETTER]',
    summary: 'Mark the letter (the draft, or LETTER) as sent: kept as the next Appeal #N, follow-up clock started',
    options: { file: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const core = await context.core();
      const caseId = id(context.positionals[0], 'caseId');
      const letter = optionalFile(context) ?? (await core.buildPoaDraft({ caseId })).text;
      const log = await core.submitAppeal({ caseId, text: letter });
      const last = log.submissions.at(-1)!;
      const record = (await core.getCase({ id: caseId })).case;
      return print(context, log, () =>
        [
          `Appeal #${last.number} marked as sent ${last.sentAt}; next follow-up ${record.nextFollowUp ?? '—'}`,
          log.warning ?? '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    },
  },
  {
    words: ['appeals'],
    usage: 'seller-kb appeals <caseId> [--from N --to M] [--json]',
    summary: 'The appeals sent for a case; with --from/--to, what changed between two of them',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const core = await context.core();
      const caseId = id(context.positionals[0], 'caseId');
      const range = diffRange(context, 1);
      if (range) {
        const parts = await core.compareAppeals({ caseId, from: range[0], to: range[1] });
        return print(context, parts, () => describeDiff(parts));
      }
      const log = await core.listAppeals({ caseId });
      const lines = log.submissions.map(
        (submission) => `Appeal #${submission.number}  sent ${submission.sentAt}  ${submission.text.length} characters`,
      );
      return print(
        context,
        log,
        () =>
          [...lines, `Unsuccessful: ${log.unsuccessful}`, log.warning ?? ''].filter(Boolean).join('\n') ||
          'No appeals sent yet.',
      );
    },
  },
  {
    words: ['note', 'edit'],
    usage: 'seller-kb note edit <noteId> --text T | --file F',
    summary: "Replace a note's text (the old text stays in its history)",
    options: textOrFile,
    positionals: [1, 1],
    async run(context) {
      const core = await context.core();
      const { note } = await core.listNoteRevisions({ noteId: id(context.positionals[0], 'noteId') });
      const saved = await core.saveNote({
        id: note.id,
        caseId: note.caseId,
        title: note.title,
        tags: note.tags,
        kind: note.kind,
        body: givenText(context),
        baseRevision: note.revision,
      });
      return print(context, saved, () => `Note ${saved.id} saved (revision ${saved.revision})`);
    },
  },
  {
    words: ['note', 'history'],
    usage: 'seller-kb note history <noteId> [--from R --to S | --restore R] [--json]',
    summary: "A note's revisions (0 is the note as it is now); compare two, or restore one",
    options: { from: { type: 'string' }, to: { type: 'string' }, restore: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const core = await context.core();
      const noteId = id(context.positionals[0], 'noteId');
      const range = diffRange(context, 0);
      const restore = parseWholeNumber(text(context.values.restore), '--restore', 0, Number.MAX_SAFE_INTEGER);
      if (range && restore !== undefined) throw new UsageError('give either --from/--to or --restore');
      if (range) {
        const parts = await core.compareNoteRevisions({ noteId, from: range[0], to: range[1] });
        return print(context, parts, () => describeDiff(parts));
      }
      if (restore !== undefined) {
        const note = await core.restoreNoteRevision({ noteId, revisionId: restore });
        return print(context, note, () => `Note ${note.id} restored from revision ${restore}`);
      }
      const { revisions } = await core.listNoteRevisions({ noteId });
      return print(context, revisions, () =>
        revisions
          .map(
            (revision) => `${revision.id}  ${revision.savedAt}  ${revision.body.length} characters  ${revision.title}`,
          )
          .join('\n'),
      );
    },
  },
];
