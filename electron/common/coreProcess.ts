/**
 * The messages between Electron's main process and the core's own process (a utilityProcess in the
 * desktop app). Main only forwards calls and events; the core process owns the library and the
 * notebook. One protocol, defined once, spoken by electron/main/coreClient.ts (main's end) and
 * electron/main/coreProcess.ts (the core's end). Messages travel by structured clone.
 */
import type { Envelope } from './errors.js';
import type { KbEventEnvelope } from './events.js';
import { isKbEventEnvelope } from './events.js';

/** What the core process is started with (as one JSON argument on its command line). */
export interface CoreProcessOptions {
  appRoot: string;
  dataDir: string;
  prebuiltPath: string | null;
  autoBackup: boolean;
}

/**
 * V8 flags for a process that runs the core for long (the desktop app's core process, the web door).
 * A young generation of 4 MB instead of V8's up to 16: loading a large folder keeps thousands of
 * articles alive, and each scavenge copies what survives, so a smaller one pauses the core's thread
 * for a third as long (10,000 files: 20 ms instead of 30–40), for about a tenth more time in all.
 */
export const CORE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** The command-line switch that carries CoreProcessOptions. */
export const CORE_OPTIONS_SWITCH = '--core-options=';

/** Main → core. */
export type ToCoreMessage =
  /** One contract call; answered by a `reply` with the same id. */
  | { kind: 'call'; id: number; method: string; argument: unknown }
  /** The answer to an `openFile` request: null when the viewer opened it, else what went wrong. */
  | { kind: 'openFileDone'; id: number; problem: string | null }
  /** Close the notebook and the folder cache, then exit. */
  | { kind: 'close' };

/** Core → main. */
export type FromCoreMessage =
  /** The library and the notebook are open; calls are answered from now on (calls made earlier wait). */
  | { kind: 'ready' }
  /** The core could not start; the process exits after this. */
  | { kind: 'failed'; message: string }
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  /** A push event (libraryChanged, due), as the core made it. */
  | { kind: 'event'; envelope: KbEventEnvelope }
  /** Open a file in the system's viewer (only main may call shell.openPath); answered by `openFileDone`. */
  | { kind: 'openFile'; id: number; path: string };

/** The options encoded as the one switch. */
export function coreOptionsArgument(options: CoreProcessOptions): string {
  return `${CORE_OPTIONS_SWITCH}${JSON.stringify(options)}`;
}

/** The options from argv, checked field by field; the error names what was missing. */
export function parseCoreOptions(argv: readonly string[]): CoreProcessOptions {
  const argument = argv.find((entry) => entry.startsWith(CORE_OPTIONS_SWITCH));
  if (!argument) throw new Error(`Seller KB core: started without ${CORE_OPTIONS_SWITCH}{…}`);
  const parsed = JSON.parse(argument.slice(CORE_OPTIONS_SWITCH.length)) as Partial<
    Record<keyof CoreProcessOptions, unknown>
  >;
  const text = (name: 'appRoot' | 'dataDir') => {
    const value = parsed[name];
    if (typeof value !== 'string' || value === '')
      throw new Error(`Seller KB core: ${CORE_OPTIONS_SWITCH} has no ${name}`);
    return value;
  };
  const prebuiltPath = typeof parsed.prebuiltPath === 'string' ? parsed.prebuiltPath : null;
  return { appRoot: text('appRoot'), dataDir: text('dataDir'), prebuiltPath, autoBackup: parsed.autoBackup === true };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => Number.isSafeInteger(value);

/** True for a message main may act on (checked once, where it arrives). */
export function isFromCoreMessage(value: unknown): value is FromCoreMessage {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'ready':
      return true;
    case 'failed':
      return typeof value.message === 'string';
    case 'reply':
      return isId(value.id) && isRecord(value.envelope) && typeof value.envelope.ok === 'boolean';
    case 'event':
      return isKbEventEnvelope(value.envelope);
    case 'openFile':
      return isId(value.id) && typeof value.path === 'string';
    default:
      return false;
  }
}

/** True for a message the core process may act on. */
export function isToCoreMessage(value: unknown): value is ToCoreMessage {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'call':
      return isId(value.id) && typeof value.method === 'string';
    case 'openFileDone':
      return isId(value.id) && (value.problem === null || typeof value.problem === 'string');
    case 'close':
      return true;
    default:
      return false;
  }
}
