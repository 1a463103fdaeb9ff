import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { ArticleHit, CaseRecord, NoteHit } from '../common/index.js';
import { CASE_CAUSES, LANGS, MARKETPLACES } from '../common/index.js';
import type { Core } from '../core/createCore.js';
import { readNoticeFile } from './noticeFile.js';
import { requireWritableFileTarget } from '../core/files/fileKinds.js';
import { readTextFile, requireOutputFolder, writeTextFile } from './files.js';
import { parseChoice, parseWholeNumber, UsageError, type Output } from './usage.js';

export interface CommandContext {
  core: () => Promise<Core>;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  json: boolean;
  io: Output;
  /** The encrypted notebook's passphrase, from SELLER_KB_PASSPHRASE or --passphrase-file; null when not given. */
  passphrase: string | null;
  environment: NodeJS.ProcessEnv;
}

export interface Command {
  /** Words that name it: ['search'] or ['case', 'new']. */
  words: string[];
  usage: string;
  summary: string;
  /** More for --help than fits the overview's line. */
  details?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: [min: number, max: number];
  run(context: CommandContext): Promise<number>;
}

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
/** The passphrase for an encrypted backup, when one was given; else the core tries the notebook's own. */
const withPassphrase = (context: CommandContext) =>
  context.passphrase === null ? {} : { passphrase: context.passphrase };
const joinParts = (parts: { text: string }[]) =>
  parts
    .map((part) => part.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** Prints a result as JSON with --json, else as text; exit code 0. */
export function print(context: CommandContext, value: unknown, asText: () => string): number {
  context.io.out(context.json ? JSON.stringify(value, null, 2) : asText());
  return 0;
}

function describeCase(record: CaseRecord): string {
  const dates = [record.nextFollowUp && `follow up ${record.nextFollowUp}`].filter(Boolean).join(', ');
  return `#${record.id}  ${record.title}  [${record.status}] ${record.marketplace ?? ''} ${record.cause}${dates ? `  (${dates})` : ''}`;
}

export const COMMANDS: Command[] = [
  {
    words: ['search'],
    usage: 'seller-kb search <query> [--json] [--limit N] [--lang zh|en]',
    summary: 'Search the articles',
    options: { limit: { type: 'string' }, lang: { type: 'string' } },
    positionals: [1, 50],
    async run(context) {
      const limit = parseWholeNumber(text(context.values.limit), '--limit', 1, 200) ?? 10;
      const lang = parseChoice(text(context.values.lang), '--lang', LANGS);
      const result = await (
        await context.core()
      ).search({ text: context.positionals.join(' '), limit, lang, preferLang: lang });
      const rows = result.hits.map((hit: ArticleHit) => ({
        id: hit.id,
        title: hit.title,
        path: hit.path,
        lang: hit.lang,
        category: hit.category,
        score: hit.score,
        snippet: joinParts(hit.snippet),
      }));
      if (context.json) return print(context, rows, () => '');
      if (rows.length === 0)
        context.io.out(`No articles found.${result.didYouMean ? ` Did you mean: ${result.didYouMean}?` : ''}`);
      for (const row of rows) context.io.out(`${row.id}  ${row.title}\n    ${row.path}\n    ${row.snippet}\n`);
      return 0;
    },
  },
  {
    words: ['show'],
    usage: 'seller-kb show <id> [--json]',
    summary: 'Print an article',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const article = await (await context.core()).getArticle({ id: context.positionals[0]! });
      return print(
        context,
        article,
        () =>
          `# ${article.title}\n${article.path} · ${article.lang} · updated ${article.updated}\n\n${article.markdown.trim()}\n`,
      );
    },
  },
  {
    words: ['index', 'add'],
    usage: 'seller-kb index add <folder>',
    summary: 'Add a folder of your own Markdown to the library',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const info = await (await context.core()).addUserFolder({ path: resolve(context.positionals[0]!) });
      const folder = info.userFolders.find((entry) => entry.path === resolve(context.positionals[0]!));
      return print(context, folder, () =>
        [
          `Added ${folder?.path}: ${folder?.articleCount} articles`,
          ...(folder?.problems ?? []).map((problem) => `  skipped ${problem.path}: ${problem.message}`),
        ].join('\n'),
      );
    },
  },
  {
    words: ['index', 'remove'],
    usage: 'seller-kb index remove <folder>',
    summary: 'Remove a user folder from the library',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const info = await (await context.core()).removeUserFolder({ path: resolve(context.positionals[0]!) });
      return print(context, info.userFolders, () => `Removed ${resolve(context.positionals[0]!)}`);
    },
  },
  {
    words: ['index', 'list'],
    usage: 'seller-kb index list',
    summary: 'List user folders and their problems',
    options: {},
    positionals: [0, 0],
    async run(context) {
      const info = await (await context.core()).getLibraryInfo();
      return print(
        context,
        info.userFolders,
        () =>
          info.userFolders
            .map((folder) => `${folder.path}  ${folder.articleCount} articles, ${folder.problems.length} problems`)
            .join('\n') || 'No user folders.',
      );
    },
  },
  {
    words: ['case', 'new'],
    usage: 'seller-kb case new --title T [--marketplace M] [--cause C] | --from-notice FILE [--title T]',
    summary: 'Create a case (or fill one from an Amazon notice e-mail, kept with the case)',
    options: {
      title: { type: 'string' },
      marketplace: { type: 'string' },
      cause: { type: 'string' },
      'from-notice': { type: 'string' },
    },
    positionals: [0, 0],
    async run(context) {
      const title = text(context.values.title);
      const noticeFile = text(context.values['from-notice']);
      if (noticeFile !== undefined) {
        if (context.values.marketplace !== undefined || context.values.cause !== undefined)
          throw new UsageError('--from-notice takes the marketplace and cause from the notice');
        const record = await (
          await context.core()
        ).createCaseFromNotice({ text: readNoticeFile(noticeFile), ...(title ? { title } : {}) });
        return print(context, record, () => describeCase(record));
      }
      if (!title) throw new UsageError('--title is required');
      const record = await (
        await context.core()
      ).createCase({
        title,
        marketplace: parseChoice(text(context.values.marketplace), '--marketplace', MARKETPLACES) ?? null,
        cause: parseChoice(text(context.values.cause), '--cause', CASE_CAUSES) ?? 'other',
      });
      return print(context, record, () => describeCase(record));
    },
  },
  {
    words: ['cases', 'list'],
    usage: 'seller-kb cases list',
    summary: 'List cases',
    options: {},
    positionals: [0, 0],
    async run(context) {
      const cases = await (await context.core()).listCases();
      return print(context, cases, () => cases.map(describeCase).join('\n') || 'No cases yet.');
    },
  },
  {
    words: ['note', 'add'],
    usage: 'seller-kb note add <caseId> --text T | --file F',
    summary: 'Add a note to a case',
    options: { text: { type: 'string' }, file: { type: 'string' }, title: { type: 'string' } },
    positionals: [1, 1],
    async run(context) {
      const caseId = parseWholeNumber(context.positionals[0], 'caseId', 1, Number.MAX_SAFE_INTEGER)!;
      const inline = text(context.values.text);
      const file = text(context.values.file);
      if ((inline === undefined) === (file === undefined))
        throw new UsageError('give exactly one of --text and --file');
      const body = inline ?? readTextFile(file!, '--file');
      const note = await (await context.core()).saveNote({ caseId, body, title: text(context.values.title) ?? '' });
      return print(context, note, () => `Note ${note.id} added to case ${caseId}`);
    },
  },
  {
    words: ['notes', 'search'],
    usage: 'seller-kb notes search <query> [--limit N]',
    summary: 'Search your notes',
    options: { limit: { type: 'string' } },
    positionals: [1, 50],
    async run(context) {
      const limit = parseWholeNumber(text(context.values.limit), '--limit', 1, 200) ?? 20;
      const hits = await (await context.core()).searchNotes({ text: context.positionals.join(' '), limit });
      return print(
        context,
        hits,
        () =>
          hits
            .map(
              (hit: NoteHit) =>
                `note ${hit.noteId} (case #${hit.caseId} ${hit.caseTitle})\n    ${joinParts(hit.snippet)}`,
            )
            .join('\n') || 'No notes found.',
      );
    },
  },
  {
    words: ['export'],
    usage: 'seller-kb export --format md|json --out PATH [--case ID]',
    summary: 'Export the notebook (md: a folder of files; json: one file)',
    options: { format: { type: 'string' }, out: { type: 'string' }, case: { type: 'string' } },
    positionals: [0, 0],
    async run(context) {
      const format = parseChoice(text(context.values.format), '--format', ['md', 'json'] as const);
      const out = text(context.values.out);
      if (!format || !out) throw new UsageError('--format and --out are required');
      const caseId = parseWholeNumber(text(context.values.case), '--case', 1, Number.MAX_SAFE_INTEGER);
      // The target is checked before the export, which the notebook's activity log records.
      if (format === 'md') requireOutputFolder(resolve(out), 'Export: --out');
      else requireWritableFileTarget(resolve(out), 'Export: --out');
      const files = await (await context.core()).exportNotebook({ format, caseId });
      const written = files.map((file) => {
        const target = format === 'json' ? resolve(out) : join(resolve(out), file.path);
        writeTextFile(target, file.content, 'Export: --out');
        return target;
      });
      return print(
        context,
        written,
        () => written.map((path) => `Wrote ${path}`).join('\n') || 'The notebook is empty: nothing written.',
      );
    },
  },
  {
    words: ['import'],
    usage: 'seller-kb import FILE',
    summary: 'Import an exported JSON file as new cases',
    options: {},
    positionals: [1, 1],
    async run(context) {
      const summary = await (
        await context.core()
      ).importNotebook({ json: readTextFile(context.positionals[0]!, 'Import') });
      return print(context, summary, () => `Imported ${summary.cases} cases and ${summary.notes} notes`);
    },
  },
  {
    words: ['backup'],
    usage: 'seller-kb backup [--out FILE]',
    summary: 'Back up the notebook to one file',
    options: { out: { type: 'string' } },
    positionals: [0, 0],
    async run(context) {
      const out = text(context.values.out);
      const info = await (await context.core()).backupNotebook(out ? { path: resolve(out) } : {});
      return print(context, info, () => `Backed up to ${info.path} (${info.bytes} bytes)`);
    },
  },
  {
    words: ['restore'],
    usage: 'seller-kb restore FILE',
    summary: 'Replace the notebook with a backup (the current one is kept beside it)',
    details:
      "An encrypted backup opens with the passphrase given as for every command, or else with the notebook's own.",
    options: {},
    positionals: [1, 1],
    async run(context) {
      const info = await (
        await context.core()
      ).restoreNotebook({ path: resolve(context.positionals[0]!), ...withPassphrase(context) });
      return print(context, info, () => `Restored. The previous notebook was kept as ${info.path}`);
    },
  },
  {
    words: ['check'],
    usage: 'seller-kb check [FILE]',
    summary: 'Check the notebook file, or a backup FILE, for damage',
    options: {},
    positionals: [0, 1],
    async run(context) {
      const file = context.positionals[0];
      const status = await (
        await context.core()
      ).checkNotebook(file === undefined ? {} : { path: resolve(file), ...withPassphrase(context) });
      print(context, status, () => status.message);
      return status.ok ? 0 : 1;
    },
  },
];
