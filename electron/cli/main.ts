import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KbError } from '../common/index.js';
import { createCore, type Core } from '../core/createCore.js';
import { defaultDataDir, findAppRoot, prebuiltLibraryPath } from '../core/paths.js';
import { CASE_FILE_COMMANDS } from './caseFileCommands.js';
import { COMMANDS, type Command } from './commands.js';
import { PASSPHRASE_ENV, readPassphrase } from './passphrase.js';
import { POA_COMMANDS } from './poaCommands.js';
import { PRIVACY_COMMANDS } from './privacyCommands.js';
import { ATTACHMENT_COMMANDS } from './attachmentCommands.js';
import { GLOBAL_OPTIONS, UsageError, type Output } from './usage.js';
import { webCommand } from './webCommand.js';

const consoleOutput: Output = { out: (text) => console.log(text), err: (text) => console.error(text) };

function overview(commands: Command[]): string {
  return [
    'Seller KB: offline knowledge base and case notebook for Amazon sellers.',
    '',
    'Usage:',
    ...commands.map((command) => `  ${command.usage.padEnd(62)} ${command.summary}`),
    '',
    GLOBAL_OPTIONS,
  ].join('\n');
}

function findCommand(commands: Command[], argv: string[]): Command | undefined {
  return commands
    .filter((command) => command.words.every((word, index) => argv[index] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

/**
 * Runs one command line and returns the exit code: 0 done, 1 failed (the message says why),
 * 2 the command line was wrong.
 */
export async function runCli(
  argv: string[],
  io: Output = consoleOutput,
  appRoot = findAppRoot(dirname(fileURLToPath(import.meta.url))),
  environment: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const commands = [
    ...COMMANDS,
    ...CASE_FILE_COMMANDS,
    ...PRIVACY_COMMANDS,
    ...POA_COMMANDS,
    ...ATTACHMENT_COMMANDS,
    webCommand(appRoot),
  ];
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(commands, argv);
  if (!command) {
    io.err(`seller-kb: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${overview(commands)}`);
    return 2;
  }
  let core: Core | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(command.words.length),
      options: {
        ...command.options,
        data: { type: 'string' },
        json: { type: 'boolean' },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(
        `Usage: ${command.usage}\n\n${command.summary}.${command.details ? `\n${command.details}` : ''}\n\n${GLOBAL_OPTIONS}`,
      );
      return 0;
    }
    const [min, max] = command.positionals;
    if (positionals.length < min || positionals.length > max)
      throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${positionals.length}`);
    const dataDir = typeof values.data === 'string' ? resolve(values.data) : defaultDataDir();
    const passphrase = readPassphrase(
      typeof values['passphrase-file'] === 'string' ? values['passphrase-file'] : undefined,
      environment[PASSPHRASE_ENV],
      '--passphrase-file',
    );
    const openCore = async () =>
      (core ??= await createCore({
        appRoot,
        dataDir,
        prebuiltPath: prebuiltLibraryPath(appRoot),
        autoBackup: true,
        passphrase,
      }));
    return await command.run({
      core: openCore,
      positionals,
      values,
      json: values.json === true,
      io,
      passphrase,
      environment,
    });
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`seller-kb ${command.words.join(' ')}: ${(error as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof KbError) {
      io.err(`seller-kb: ${error.message}`);
      return 1;
    }
    // A file system failure (not found, a folder where a file was expected, no permission, disk
    // full) is the user's to fix, not a crash: say what and where.
    if (isFileSystemError(error)) {
      io.err(`seller-kb: ${error.path ?? ''}${error.path ? ': ' : ''}${describeFileSystemError(error)}`);
      return 1;
    }
    throw error;
  } finally {
    (core as Core | null)?.close();
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const failure = error as NodeJS.ErrnoException | null;
  return typeof failure?.code === 'string' && typeof failure.syscall === 'string';
}

const FILE_SYSTEM_ERRORS = new Map([
  ['ENOENT', 'not found'],
  ['EISDIR', 'is a folder, not a file'],
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ENOSPC', 'the disk is full'],
  ['EROFS', 'the disk is read-only'],
  ['EEXIST', 'already exists'],
]);

function describeFileSystemError(error: NodeJS.ErrnoException): string {
  return `${FILE_SYSTEM_ERRORS.get(error.code!) ?? error.message} (${error.code})`;
}
