import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KB_METHODS, ipcChannel } from '../../electron/common/index.js';

/** A stand-in for Electron rich enough to run the real main process: app, protocol, window, IPC. */
const desktop = vi.hoisted(() => ({
  userData: '',
  ready: null as null | (() => void),
  protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
  handlers: new Map<string, (event: unknown, argument?: unknown) => Promise<unknown>>(),
  loadedUrls: [] as string[],
  windowOptions: [] as Record<string, unknown>[],
  quitListeners: [] as ((event: { preventDefault(): void }) => void)[],
  opened: [] as string[],
  networkLog: '',
}));

// The core runs in a real child process (as utilityProcess.fork runs it), which logs and refuses any network request.
vi.mock('electron', async () => {
  const { forkUtilityProcess } = await import('../helpers/utilityProcess.js');
  const contents = {
    on: () => undefined,
    setWindowOpenHandler: () => undefined,
    print: () => undefined,
    printToPDF: async () => Buffer.alloc(0),
  };
  class BrowserWindow {
    webContents = contents;
    constructor(options: Record<string, unknown>) {
      desktop.windowOptions.push(options);
    }
    static getAllWindows = () => [];
    maximize() {}
    once() {}
    on() {}
    show() {}
    getTitle = () => 'Seller KB';
    loadURL = async (url: string) => void desktop.loadedUrls.push(url);
  }
  const app = {
    getAppPath: () => process.cwd(),
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      if (name === 'before-quit') desktop.quitListeners.push(listener);
    },
    whenReady: () => new Promise<void>((resolve) => (desktop.ready = resolve)),
    getPath: () => desktop.userData,
    getLocale: () => 'zh-CN',
    quit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => desktop.opened.push(`error: ${message}`) },
    ipcMain: { handle: (channel: string, handler: never) => desktop.handlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, handler: never) => (desktop.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setSpellCheckerEnabled: () => undefined,
      },
    },
    shell: { openExternal: async (url: string) => void desktop.opened.push(url) },
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { serviceName?: string }) =>
        forkUtilityProcess(modulePath, args, options, { SELLER_KB_TEST_NETWORK_LOG: desktop.networkLog }),
    },
  };
});

const network = [
  vi.spyOn(http, 'request'),
  vi.spyOn(http, 'get'),
  vi.spyOn(https, 'request'),
  vi.spyOn(https, 'get'),
  vi.spyOn(net, 'connect'),
  vi.spyOn(net, 'createConnection'),
  vi.spyOn(globalThis, 'fetch'),
];

afterAll(() => {
  for (const listener of desktop.quitListeners) listener({ preventDefault: () => undefined });
});

describe('the desktop app with a mocked Electron', () => {
  it(
    'starts, serves its page over app:// with the CSP, answers IPC, and makes no network request',
    { timeout: 60_000 },
    async () => {
      desktop.userData = mkdtempSync(join(tmpdir(), 'seller-kb-desktop-'));
      desktop.networkLog = join(desktop.userData, 'network-attempts.log');
      await import('../../electron/main/main.js');
      desktop.ready!();
      await vi.waitFor(() => expect(desktop.loadedUrls).toEqual(['app://seller-kb/index.html']), { timeout: 30_000 });
      expect(desktop.windowOptions[0]).toMatchObject({
        webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
      });
      const page = await desktop.protocolHandler!({ url: 'app://seller-kb/index.html' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect((await desktop.protocolHandler!({ url: 'app://seller-kb/../package.json' })).status).toBe(404);
      expect([...desktop.handlers.keys()].sort()).toEqual(KB_METHODS.map(ipcChannel).sort());
      const trusted = { senderFrame: { url: 'app://seller-kb/index.html', parent: null } };
      const reply = (await desktop.handlers.get(ipcChannel('search'))!(trusted, { text: '移除订单' })) as {
        ok: boolean;
        value: { hits: { id: string }[] };
      };
      expect(reply.value.hits[0]?.id).toBe('fba-removal-order-zh');
      const created = (await desktop.handlers.get(ipcChannel('createCase'))!(trusted, { title: 'Desktop case' })) as {
        ok: boolean;
      };
      expect(created.ok).toBe(true);
      for (const spy of network) expect(spy, spy.getMockName()).not.toHaveBeenCalled();
      // Nor did the core's own process try any.
      expect(existsSync(desktop.networkLog), 'network requests from the core process').toBe(false);
      expect(desktop.opened).toEqual([]);
    },
  );
});
