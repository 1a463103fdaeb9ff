import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coreOptionsArgument, type CoreProcessOptions } from '../../electron/common/coreProcess.js';
import type { KbEventEnvelope } from '../../electron/common/index.js';
import { EVENTS_CHANNEL, KbError } from '../../electron/common/index.js';
import { startCoreClient, type CoreClient, type CoreClientOptions } from '../../electron/main/coreClient.js';
import { APP_ORIGIN, forwardEvents } from '../../electron/main/ipc.js';
import { prebuiltLibraryPath } from '../../electron/core/paths.js';
import { forkUtilityProcess, type FakeUtilityProcess } from '../helpers/utilityProcess.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// The core in its own process, as the desktop app runs it: a REAL child process (the stand-in for
// utilityProcess.fork) running electron/main/coreProcess.ts over a real notebook in a temp folder,
// and main's CoreClient talking to it through the protocol of electron/common/coreProcess.ts.

const tempDir = useTempDirs();
let client: CoreClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

interface Started {
  client: CoreClient;
  children: FakeUtilityProcess[];
  exits: number[];
  opened: string[];
  restarts: number[];
  failures: string[];
}

function startCore(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  overrides: Partial<CoreClientOptions> = {},
  run: 'source' | 'bundle' = 'source',
): Started {
  const options: CoreProcessOptions = {
    appRoot: APP_ROOT,
    dataDir,
    prebuiltPath: prebuiltLibraryPath(APP_ROOT),
    autoBackup: false,
  };
  const children: FakeUtilityProcess[] = [];
  const started: Started = { client: null as never, children, exits: [], opened: [], restarts: [], failures: [] };
  started.client = client = startCoreClient({
    start: () => {
      const child = forkUtilityProcess(
        'dist/electron/coreProcess.cjs',
        [coreOptionsArgument(options)],
        { serviceName: 'Seller KB core' },
        env,
        run,
      );
      child.on('exit', (code: number) => started.exits.push(code));
      children.push(child);
      return child;
    },
    openFile: async (path) => void started.opened.push(path),
    onRestart: (code) => started.restarts.push(code),
    onFailure: (message) => started.failures.push(message),
    ...overrides,
  });
  return started;
}

async function failure(promise: Promise<unknown>): Promise<KbError> {
  const caught = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(KbError);
  return caught as KbError;
}

/** Resolves when `child` has ended. */
function ended(child: FakeUtilityProcess): Promise<number> {
  return new Promise((resolve) => child.once('exit', resolve));
}

describe('the core in its own process', { timeout: 60_000 }, () => {
  it('answers calls with their values and errors with their codes, and keeps what it wrote', async () => {
    const { client: core } = startCore(tempDir());
    const { hits } = await core.api.search({ text: '移除订单' });
    expect(hits.length).toBeGreaterThan(0);
    const created = await core.api.createCase({ title: 'Removal order stuck', asins: ['B000TEST01'] });
    expect(await core.api.listCases()).toEqual([
      expect.objectContaining({ id: created.id, title: 'Removal order stuck' }),
    ]);
    const missing = await failure(core.api.getArticle({ id: 'no-such-article' }));
    expect(missing.code).toBe('NOT_FOUND');
    const invalid = await failure(core.api.createCase({ title: '' }));
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(invalid.message).toMatch(/title/i);
  });

  it('posts push events that reach the app window on the events channel', async () => {
    const { client: core } = startCore(tempDir());
    const sent: { channel: string; envelope: unknown }[] = [];
    const window = {
      webContents: {
        getURL: () => `${APP_ORIGIN}/index.html`,
        isDestroyed: () => false,
        send: (channel: string, envelope: unknown) => void sent.push({ channel, envelope }),
      },
    };
    const heard: KbEventEnvelope[] = [];
    core.subscribe((envelope) => heard.push(envelope));
    forwardEvents(
      (listener) => core.subscribe(listener),
      () => [window],
    );
    const folder = tempDir();
    cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
    const info = await core.api.addUserFolder({ path: folder });
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    expect(sent[0]).toEqual({ channel: EVENTS_CHANNEL, envelope: { event: 'libraryChanged', payload: info } });
    expect(heard[0]).toEqual({ event: 'libraryChanged', payload: info });
  });

  it('forwards the core’s request to open a file in the system viewer to main, and its failure back', async () => {
    const problems: string[] = [];
    const { client: core, opened } = startCore(
      tempDir(),
      {},
      {
        openFile: async (path) => {
          opened.push(path);
          if (problems.length > 0)
            throw new Error(`Attachments: the system viewer could not open ${path} (${problems[0]})`);
        },
      },
    );
    const { id: caseId } = await core.api.createCase({ title: 'Viewer' });
    const attachment = await core.api.addAttachment({
      caseId,
      name: 'letter.txt',
      base64: Buffer.from('Dear Seller').toString('base64'),
    });
    const { path } = await core.api.openAttachmentExternally({ id: attachment.id });
    expect(opened).toEqual([path]);
    expect(path).toMatch(/letter\.txt$/);
    problems.push('no application is registered for .txt');
    const error = await failure(core.api.openAttachmentExternally({ id: attachment.id }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(
      `Attachments: the system viewer could not open ${opened[1]} (no application is registered for .txt)`,
    );
    expect(opened).toHaveLength(2);
  });

  it('fails the call a killed process was busy with (INTERNAL, saying so), starts it again once, then stops', async () => {
    const dataDir = tempDir();
    const started = startCore(dataDir, { SELLER_KB_TEST_HOLD: 'getContacts' });
    const core = started.client;
    await core.api.createCase({ title: 'Kept across the crash' });
    const busy = core.api.getContacts();
    // The first process holds the call (never answers it); it is killed.
    started.children[0]!.kill();
    const lost = await failure(busy);
    expect(lost.code).toBe('INTERNAL');
    expect(lost.message).toMatch(
      /core's process ended unexpectedly \(exit code \d+\) and is being started again \(while answering getContacts\)/,
    );
    expect(started.restarts).toHaveLength(1);
    expect(started.children).toHaveLength(2);
    // The second process answers from the same notebook.
    expect((await core.api.listCases()).map((entry) => entry.title)).toEqual(['Kept across the crash']);

    const second = core.api.getContacts();
    started.children[1]!.kill();
    const gone = await failure(second);
    expect(gone.message).toMatch(
      /ended unexpectedly again .*quit Seller KB and open it again \(while answering getContacts\)/,
    );
    expect(started.children).toHaveLength(2);
    expect(started.failures).toHaveLength(1);
    const after = await failure(core.api.listCases());
    expect(after.code).toBe('INTERNAL');
    expect(after.message).toMatch(/listCases was not sent/);
  });

  it('does not run, in the new process, a call the killed one never received', async () => {
    const started = startCore(tempDir());
    // Killed before it is ready: the call is still waiting to be sent.
    const early = started.client.api.createCase({ title: 'Never created' });
    started.children[0]!.kill();
    expect((await failure(early)).message).toMatch(/ended unexpectedly .*\(while answering createCase\)/);
    expect(await started.client.api.listCases()).toEqual([]);
    expect(started.children).toHaveLength(2);
  });

  it('closes on request: the notebook is closed cleanly (no write-ahead log left) and the process ends by itself', async () => {
    const dataDir = tempDir();
    const started = startCore(dataDir);
    await started.client.api.createCase({ title: 'Closed cleanly' });
    expect(existsSync(join(dataDir, 'notebook.db-wal'))).toBe(true);
    const exit = ended(started.children[0]!);
    await started.client.close(60_000);
    expect(await exit).toBe(0);
    expect(existsSync(join(dataDir, 'notebook.db-wal'))).toBe(false);
    const late = await failure(started.client.api.listCases());
    expect(late.message).toMatch(/closing/);
    client = null;
  });

  it('runs from the build’s bundle (dist/electron/coreProcess.cjs) with the built folder-loader workers', async () => {
    const { client: core } = startCore(tempDir(), {}, {}, 'bundle');
    const folder = tempDir();
    cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
    const info = await core.api.addUserFolder({ path: folder });
    expect(info.userFolders).toEqual([expect.objectContaining({ path: folder, articleCount: expect.any(Number) })]);
    expect(info.userFolders[0]!.articleCount).toBeGreaterThan(0);
    // The folder's notes were read, rendered and indexed by the built workers: a search finds them.
    const { hits } = await core.api.search({ text: '核对地址' });
    expect(hits.length).toBeGreaterThan(0);
  });
});
