import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseDeadline, DueDeadline, NoticeAnalysis } from '../common/index.js';
import { print, type Command, type CommandContext } from './commands.js';
import { readNoticeFile } from './noticeFile.js';
import { parseWholeNumber, UsageError } from './usage.js';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

/** The fields `seller-kb notice analyze` prints. */
function noticeFields(analysis: NoticeAnalysis) {
  const { cause, marketplace, noticeDate, asins, documents, deadlines, addresses, articles, evidence } = analysis;
  return { cause, marketplace, noticeDate, asins, documents, deadlines, addresses, articles, evidence };
}

function describeNotice(analysis: NoticeAnalysis): string {
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : '—');
  return [
    `cause        ${analysis.cause}`,
    `marketplace  ${analysis.marketplace ?? '—'}`,
    `notice date  ${analysis.noticeDate ?? '—'}`,
    `ASINs        ${list(analysis.asins)}`,
    `documents    ${list(analysis.documents)}`,
    `deadlines    ${list(analysis.deadlines.map((deadline) => deadline.phrase))}`,
    `addresses    ${list(analysis.addresses)}`,
    `read first   ${list(analysis.articles)}`,
    ...analysis.evidence.map((item) => `  ${item.field}: "${item.phrase}"`),
  ].join('\n');
}

/** The JSON row of a deadline: `[{id, title, due, basis, articleId}]`, due as YYYY-MM-DD (the user's own date when typed). */
function deadlineRow(deadline: CaseDeadline) {
  return {
    id: deadline.id,
    title: deadline.title.en,
    due: deadline.typed ?? deadline.due,
    basis: deadline.basis,
    articleId: deadline.articleId,
  };
}

function describeDue(deadline: DueDeadline): string {
  return `${deadline.typed ?? deadline.due}${deadline.overdue ? ' OVERDUE' : ''}  #${deadline.caseId} ${deadline.caseTitle}: ${deadline.title.en}\n    ${deadline.basis}`;
}

/** Analyzes the file and refuses (exit 1) when it holds no notice. */
async function analyzeFile(context: CommandContext, path: string): Promise<NoticeAnalysis | null> {
  const analysis = await (await context.core()).analyzeNotice({ text: readNoticeFile(path) });
  if (!analysis.found) context.io.err(`seller-kb: ${path}: ${analysis.message}`);
  return analysis.found ? analysis : null;
}

export const CASE_FILE_COMMANDS: Command[] = [
  {
    words: ['notice', 'analyze'],
    usage: 'seller-kb notice analyze FILE [--json]',
    summary: 'Read an Amazon notice e-mail: cause, marketplace, date, ASINs, documents, deadlines',
    details: 'Saves nothing. Exit code 1 when the file holds no Amazon notice.',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const analysis = await analyzeFile(context, context.positionals[0]!);
      return analysis ? print(context, noticeFields(analysis), () => describeNotice(analysis)) : 1;
    },
  },
  {
    words: ['deadlines'],
    usage: 'seller-kb deadlines CASE [--json] [--ics --out FILE]',
    summary: "A case's deadlines, each with its basis; --ics writes them as a calendar file",
    options: { ics: { type: 'boolean' }, out: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const caseId = parseWholeNumber(context.positionals[0], 'CASE', 1, Number.MAX_SAFE_INTEGER)!;
      const core = await context.core();
      if (context.values.ics === true) {
        const out = text(context.values.out);
        if (!out) throw new UsageError('--ics needs --out FILE');
        const file = await core.exportCaseCalendar({ caseId });
        writeFileSync(resolve(out), file.content);
        return print(context, { path: resolve(out) }, () => `Wrote ${resolve(out)}`);
      }
      const dated = (await core.listCaseDeadlines({ caseId })).deadlines.filter(
        (deadline) => (deadline.typed ?? deadline.due) !== null,
      );
      const rows = dated.map(deadlineRow);
      return print(
        context,
        rows,
        () =>
          rows.map((row) => `${row.due}  ${row.title}\n    ${row.basis}\n    read: ${row.articleId}`).join('\n') ||
          'No dated deadlines for this case yet.',
      );
    },
  },
  {
    words: ['due'],
    usage: 'seller-kb due [--within DAYS]',
    summary: 'What is due across open cases (default: within 7 days, and overdue)',
    options: { within: { type: 'string' } },
    positionals: [0, 0],
    async run(context) {
      const withinDays = parseWholeNumber(text(context.values.within), '--within', 0, 3650) ?? 7;
      const due = await (await context.core()).listDueDeadlines({ withinDays });
      return print(
        context,
        due.map((deadline) => ({
          caseId: deadline.caseId,
          caseTitle: deadline.caseTitle,
          overdue: deadline.overdue,
          ...deadlineRow(deadline),
        })),
        () => due.map(describeDue).join('\n') || 'Nothing is due.',
      );
    },
  },
];
