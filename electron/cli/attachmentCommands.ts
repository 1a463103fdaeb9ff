import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AttachmentRecord } from '../common/index.js';
import { KbError } from '../common/index.js';
import { print, type Command, type CommandContext } from './commands.js';
import { parseWholeNumber, UsageError } from './usage.js';

const idArgument = (context: CommandContext, name: string) =>
  parseWholeNumber(context.positionals[0], name, 1, Number.MAX_SAFE_INTEGER)!;

function describe(record: AttachmentRecord): string {
  const size =
    record.size < 1024 * 1024 ? `${Math.ceil(record.size / 1024)} KB` : `${(record.size / 1024 / 1024).toFixed(1)} MB`;
  const text =
    record.textStatus === 'done'
      ? ''
      : `  [text: ${record.textStatus}${record.textError ? `: ${record.textError}` : ''}]`;
  return `#${record.id}  ${record.name}  (${record.type}, ${size})${text}`;
}

/** `seller-kb attach`, `attachments` and `attachment get|check|delete`: the evidence vault. */
export const ATTACHMENT_COMMANDS: Command[] = [
  {
    words: ['attach'],
    usage: 'seller-kb attach <caseId> <file> [--note ID]',
    summary: 'Attach a file (PDF, PNG, JPEG, WebP, text, .eml; up to 50 MB) to a case',
    details:
      'The file is kept inside the notebook (encrypted with it). Its text (PDF text, or OCR of an image) is read before the command ends, so notes search finds it.',
    options: { note: { type: 'string' } },
    positionals: [2, 2],
    async run(context) {
      const caseId = idArgument(context, 'caseId');
      const noteId = parseWholeNumber(
        typeof context.values.note === 'string' ? context.values.note : undefined,
        '--note',
        1,
        Number.MAX_SAFE_INTEGER,
      );
      const record = await (
        await context.core()
      ).addAttachment({
        caseId,
        path: resolve(context.positionals[1]!),
        waitForText: true,
        ...(noteId === undefined ? {} : { noteId }),
      });
      return print(context, record, () => `Attached ${describe(record)} to case ${caseId}`);
    },
  },
  {
    words: ['attachments'],
    usage: 'seller-kb attachments <caseId>',
    summary: "List a case's attachments",
    options: {},
    positionals: [1, 1],
    async run(context) {
      const records = await (await context.core()).listAttachments({ caseId: idArgument(context, 'caseId') });
      return print(context, records, () => records.map(describe).join('\n') || 'No attachments.');
    },
  },
  {
    words: ['attachment', 'get'],
    usage: 'seller-kb attachment get <id> --out FILE',
    summary: 'Write an attachment, byte for byte, to a new file',
    options: { out: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const out = typeof context.values.out === 'string' ? resolve(context.values.out) : null;
      if (!out) throw new UsageError('--out FILE is required');
      const content = await (await context.core()).getAttachment({ id: idArgument(context, 'id') });
      try {
        writeFileSync(out, Buffer.from(content.base64, 'base64'), { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new KbError(
          'INVALID_INPUT',
          code === 'EEXIST'
            ? `Attachments: ${out} already exists; choose a new file name`
            : `Attachments: cannot write ${out} (${code ?? (error as Error).message})`,
        );
      }
      return print(context, { ...content.attachment, path: out }, () => `Wrote ${content.attachment.name} to ${out}`);
    },
  },
  {
    words: ['attachment', 'check'],
    usage: 'seller-kb attachment check <id>',
    summary:
      "Check an invoice against Amazon's list: date within 365 days, supplier, address, phone, website, quantities",
    options: {},
    positionals: [1, 1],
    async run(context) {
      const check = await (await context.core()).checkAttachmentInvoice({ id: idArgument(context, 'id') });
      print(context, check, () =>
        check.items
          .map((item) => `${item.found ? '✓' : '✗'} ${item.key}${item.detail ? `: ${item.detail}` : ''}`)
          .join('\n'),
      );
      return check.complete ? 0 : 1;
    },
  },
  {
    words: ['attachment', 'delete'],
    usage: 'seller-kb attachment delete <id>',
    summary: 'Delete an attachment and its text',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const record = await (await context.core()).deleteAttachment({ id: idArgument(context, 'id') });
      return print(context, record, () => `Deleted ${describe(record)}`);
    },
  },
];
