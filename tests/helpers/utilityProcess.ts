import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ROOT } from './tempDir.js';

/**
 * A stand-in for Electron's utilityProcess.fork in tests: a REAL child process (Node's
 * child_process.fork, structured-clone messages) running the TypeScript source of the module
 * through tsx, with `process.parentPort` provided by utilityProcessChild.ts. What it returns has
 * the shape main uses of a UtilityProcess: postMessage, on('message'), on('exit', code), kill, pid.
 */
export interface FakeUtilityProcess extends EventEmitter {
  postMessage(message: unknown): void;
  kill(): boolean;
  readonly pid: number | undefined;
  /** The module and the arguments it was forked with. */
  readonly forked: { modulePath: string; args: string[]; serviceName: string | undefined; execArgv: string[] };
}

/** Which TypeScript file runs for a bundle name (coreProcess.cjs → electron/main/coreProcess.ts). */
function sourceOf(modulePath: string): string {
  const name = modulePath
    .split(/[\\/]/)
    .pop()!
    .replace(/\.cjs$/, '.ts');
  return join(APP_ROOT, 'electron', 'main', name);
}

/**
 * `env` adds to the child's environment (e.g. SELLER_KB_TEST_HOLD, see utilityProcessChild.ts);
 * `run: 'bundle'` runs modulePath itself (a bundle the build wrote) instead of its TypeScript source.
 */
export function forkUtilityProcess(
  modulePath: string,
  args: string[] = [],
  options: { serviceName?: string; execArgv?: string[] } = {},
  env: NodeJS.ProcessEnv = {},
  run: 'source' | 'bundle' = 'source',
): FakeUtilityProcess {
  const tsx = pathToFileURL(join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = fork(join(APP_ROOT, 'tests', 'helpers', 'utilityProcessChild.ts'), args, {
    execArgv: [...(options.execArgv ?? []), '--import', tsx],
    serialization: 'advanced',
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
      SELLER_KB_UTILITY_MODULE:
        run === 'source' ? sourceOf(modulePath) : pathToFileURL(join(APP_ROOT, modulePath)).href,
    },
  });
  const emitter = new EventEmitter() as FakeUtilityProcess;
  child.on('message', (message) => emitter.emit('message', message));
  // Electron's exit event has one code; a process ended by a signal reports it as a non-zero code.
  child.on('exit', (code, signal) => emitter.emit('exit', code ?? (signal ? 128 : 0)));
  // Sending to a process that has ended is an error event here; in Electron the message is dropped.
  child.on('error', () => undefined);
  return Object.assign(emitter, {
    postMessage: (message: unknown) => {
      if (child.connected) child.send(message as never);
    },
    kill: () => child.kill('SIGKILL'),
    pid: child.pid,
    forked: { modulePath, args, serviceName: options.serviceName, execArgv: options.execArgv ?? [] },
  });
}
