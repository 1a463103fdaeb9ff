import { runCli } from '../../electron/cli/main.js';
import { APP_ROOT } from './tempDir.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one seller-kb command line in-process with the given environment (none of the machine's). */
export async function cliWithEnvironment(environment: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) },
    APP_ROOT,
    environment,
  );
  return { code, out, err };
}

/** Runs one seller-kb command line in-process. */
export function cli(...argv: string[]): Promise<CliRun> {
  return cliWithEnvironment({}, ...argv);
}
