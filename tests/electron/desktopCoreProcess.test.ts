import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../electron/common/index.js';
import { EVENTS_CHANNEL } from '../../electron/common/index.js';
import { CORE_V8_FLAGS } from '../../electron/common/coreProcess.js';
import { APP_ROOT } from '../helpers/tempDir.js';
import type { FakeUtilityProcess } from '../helpers/utilityProcess.js';

// The real main process (electron/main/main.ts) against a stand-in for Electron whose
// utilityProcess.fork starts a REAL child process running electron/main/coreProcess.ts: the window's
// IPC reaches the core in that process, its events come back to the window, its requests to open a
// file reach shell.openPath, a killed core is started again, and quitting closes it first.

const desktop = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, argument?: unknown) => Promise<unknown>>(),
  sent: [] as { channel: string; envelope: unknown }[],
  listeners: new Map<string, ((event: { preventDefault(): void }) => void)[]>(),
  children: [] as FakeUtilityProcess[],
  opened: [] as string[],
  notices: [] as string[],
  quits: [] as string[],
  paths: new Map<string, string>(),
}));

vi.mock('electron', async () => {
  const { forkUtilityProcess } = await import('../helpers/utilityProcess.js');
  const contents = {
    on: () => undefined,
    once: () => undefined,
    setWindowOpenHandler: () => undefined,
    getURL: () => 'app://seller-kb/index.html',
    isDestroyed: () => false,
    send: (channel: string, envelope: unknown) => void desktop.sent.push({ channel, envelope }),
  };
  const windows: unknown[] = [];
  class BrowserWindow {
    webContents = contents;
    static getAllWindows = () => windows;
    constructor() {
      windows.push(this);
    }
    maximize() {}
    once() {}
    on() {}
    loadURL = async () => undefined;
  }
  const app = {
    getAppPath: () => process.cwd(),
    setName: () => undefined,
    setPath: (name: string, path: string) => desktop.paths.set(name, path),
    getPath: (name: string) => desktop.paths.get(name) ?? '/nonexistent/seller-kb-userdata',
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: (event: { preventDefault(): void }) => void) =>
      desktop.listeners.set(name, [...(desktop.listeners.get(name) ?? []), listener]),
    whenReady: () => Promise.resolve(),
    getLocale: () => 'en-US',
    quit: () => desktop.quits.push('quit'),
    exit: (code: number) => desktop.quits.push(`exit ${code}`),
    setAppUserModelId: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => desktop.notices.push(`error: ${message}`),
      showMessageBox: async (options: { message: string }) => void desktop.notices.push(`warning: ${options.message}`),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, argument?: unknown) => Promise<unknown>) =>
        desktop.handlers.set(channel, handler),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    Notification: { isSupported: () => false },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setSpellCheckerEnabled: () => undefined,
      },
    },
    shell: {
      openExternal: async () => undefined,
      openPath: async (path: string) => {
        desktop.opened.push(path);
        return '';
      },
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { serviceName?: string }) => {
        // getContacts is never delivered to the core: a call it is busy with when it is killed.
        const child = forkUtilityProcess(modulePath, args, options, { SELLER_KB_TEST_HOLD: 'getContacts' });
        desktop.children.push(child);
        return child;
      },
    },
  };
});

const dataDir = mkdtempSync(join(tmpdir(), 'seller-kb-desktop-core-'));
const folder = mkdtempSync(join(tmpdir(), 'seller-kb-desktop-folder-'));
afterAll(() => {
  for (const child of desktop.children) child.kill();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

/** A call from the app's own page, as the preload makes it. */
const fromApp = { senderFrame: { parent: null, url: 'app://seller-kb/index.html' } };
function invoke(method: string, argument?: unknown): Promise<Envelope<unknown>> {
  const handler = desktop.handlers.get(`kb:${method}`);
  if (!handler) throw new Error(`no IPC handler for ${method}`);
  return handler(fromApp, argument) as Promise<Envelope<unknown>>;
}
async function value<T>(method: string, argument?: unknown): Promise<T> {
  const envelope = await invoke(method, argument);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

describe('the desktop app with its core in a utility process', () => {
  it(
    'forwards IPC to the core’s process and back, restarts it once when killed, and closes it before quitting',
    { timeout: 120_000 },
    async () => {
      const argv = process.argv;
      process.argv = ['/opt/electron', process.cwd(), `--data=${dataDir}`];
      try {
        await import('../../electron/main/main.js');
      } finally {
        process.argv = argv;
      }
      await vi.waitFor(() => expect(desktop.handlers.has('kb:search')).toBe(true));

      // One utility process, named, started from the bundle beside main's, with the data folder.
      expect(desktop.children).toHaveLength(1);
      const { modulePath, args, serviceName, execArgv } = desktop.children[0]!.forked;
      expect(modulePath).toMatch(/[\\/]coreProcess\.cjs$/);
      expect(serviceName).toBe('Seller KB core');
      // Its V8 flags (the child runs with them, so a flag Node refused would fail its start).
      expect(execArgv).toEqual([...CORE_V8_FLAGS]);
      // The web door's core runs with them too.
      expect((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { web: string } }).scripts.web).toContain(
        `node ${CORE_V8_FLAGS.join(' ')} `,
      );
      expect(JSON.parse(args[0]!.slice('--core-options='.length))).toMatchObject({
        appRoot: process.cwd(),
        dataDir,
        autoBackup: true,
      });

      // Calls: a value, and an error with its code.
      expect((await value<{ hits: unknown[] }>('search', { text: '移除订单' })).hits.length).toBeGreaterThan(0);
      expect(await invoke('getArticle', { id: 'no-such-article' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });

      // A push event reaches the window on the events channel.
      cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
      const info = await value('addUserFolder', { path: folder });
      await vi.waitFor(() =>
        expect(desktop.sent).toContainEqual({
          channel: EVENTS_CHANNEL,
          envelope: { event: 'libraryChanged', payload: info },
        }),
      );

      // The core's request to open an attachment reaches shell.openPath in main.
      const { id: caseId } = await value<{ id: number }>('createCase', { title: 'Viewer' });
      const attachment = await value<{ id: number }>('addAttachment', {
        caseId,
        name: 'letter.txt',
        base64: Buffer.from('Dear Seller').toString('base64'),
      });
      const { path } = await value<{ path: string }>('openAttachmentExternally', { id: attachment.id });
      expect(desktop.opened).toEqual([path]);

      // Killed while busy: the call fails with INTERNAL saying so, the user is told, a new process answers.
      const busy = invoke('getContacts');
      desktop.children[0]!.kill();
      expect(await busy).toMatchObject({
        ok: false,
        error: {
          code: 'INTERNAL',
          message: expect.stringMatching(
            /core's process ended unexpectedly .* started again \(while answering getContacts\)/,
          ),
        },
      });
      expect(desktop.notices).toEqual([
        expect.stringMatching(/^warning: .*stopped unexpectedly .*has been started again/),
      ]);
      expect(desktop.children).toHaveLength(2);
      expect((await value<{ title: string }[]>('listCases')).map((entry) => entry.title)).toEqual(['Viewer']);

      // Quitting waits for the core to close its notebook; its process ends by itself, then the quit goes on.
      const exited = new Promise<number>((resolve) => desktop.children[1]!.once('exit', resolve));
      let delayed = false;
      for (const listener of desktop.listeners.get('before-quit') ?? [])
        listener({ preventDefault: () => (delayed = true) });
      expect(delayed).toBe(true);
      expect(await exited).toBe(0);
      await vi.waitFor(() => expect(desktop.quits).toEqual(['quit']));
      expect(existsSync(join(dataDir, 'notebook.db-wal'))).toBe(false);
      // A second before-quit (the quit going on) is not held up.
      let heldAgain = false;
      for (const listener of desktop.listeners.get('before-quit') ?? [])
        listener({ preventDefault: () => (heldAgain = true) });
      expect(heldAgain).toBe(false);
    },
  );
});
