import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseLaunchOptions, runSmokeTest, type LoadEvents } from '../../electron/main/launchOptions.js';

/** A stand-in for Electron: the real main process runs with `--smoke-test --data=DIR`. */
const desktop = vi.hoisted(() => ({
  ready: null as null | (() => void),
  pageListeners: new Map<string, (...args: unknown[]) => void>(),
  paths: new Map<string, string>(),
  quits: [] as string[],
  quitListeners: [] as ((event: { preventDefault(): void }) => void)[],
}));

// The core runs in a real child process, as utilityProcess.fork would run it.
vi.mock('electron', async () => {
  const { forkUtilityProcess } = await import('../helpers/utilityProcess.js');
  const contents = {
    on: () => undefined,
    once: (event: string, listener: (...args: unknown[]) => void) => desktop.pageListeners.set(event, listener),
    setWindowOpenHandler: () => undefined,
  };
  class BrowserWindow {
    webContents = contents;
    static getAllWindows = () => [];
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
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      if (name === 'before-quit') desktop.quitListeners.push(listener);
    },
    whenReady: () => new Promise<void>((resolve) => (desktop.ready = resolve)),
    getLocale: () => 'en-US',
    quit: () => desktop.quits.push('quit'),
    exit: (code: number) => desktop.quits.push(`exit ${code}`),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => desktop.quits.push('dialog') },
    ipcMain: { handle: () => undefined },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setSpellCheckerEnabled: (enabled: boolean) => desktop.quits.push(`spellchecker ${enabled}`),
      },
    },
    shell: { openExternal: async () => undefined },
    utilityProcess: { fork: forkUtilityProcess },
  };
});

// Quitting closes the core's process first, then quits again.
afterAll(async () => {
  const quits = desktop.quits.length;
  for (const listener of desktop.quitListeners) listener({ preventDefault: () => desktop.quits.push('quit delayed') });
  await vi.waitFor(() => expect(desktop.quits.slice(quits)).toEqual(['quit delayed', 'quit']), { timeout: 30_000 });
});

describe('the desktop app with --smoke-test', () => {
  it(
    'uses --data for the notebook, and quits with one line once the window loaded and the core answered',
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'seller-kb-smoke-'));
      const argv = process.argv;
      process.argv = ['/opt/electron', process.cwd(), '--smoke-test', `--data=${dataDir}`];
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await import('../../electron/main/main.js');
        expect(desktop.paths.get('userData')).toBe(dataDir);
        desktop.ready!();
        await vi.waitFor(() => expect(desktop.pageListeners.has('did-finish-load')).toBe(true));
        // Chromium's spellchecker, which would download dictionaries, is off.
        expect(desktop.quits).toEqual(['spellchecker false']);
        desktop.pageListeners.get('did-finish-load')!();
        await vi.waitFor(() => expect(desktop.quits).toEqual(['spellchecker false', 'quit']), { timeout: 30_000 });
        expect(log).toHaveBeenCalledWith(
          expect.stringMatching(
            /^Seller KB smoke test passed: window loaded, \d+ hits for 移除订单, notebook open \(0 cases\), a folder read by the worker threads \(1 article\)$/,
          ),
        );
        expect(readFileSync(join(dataDir, 'smoke-test.txt'), 'utf8')).toBe(`${log.mock.calls[0]![0]}\n`);
      } finally {
        process.argv = argv;
        log.mockRestore();
      }
    },
  );
});

describe('launch options', () => {
  it('reads --smoke-test and an absolute --data, leaving other switches alone', () => {
    expect(parseLaunchOptions(['/opt/electron', '.', '--no-sandbox'])).toEqual({ smokeTest: false, dataDir: null });
    expect(parseLaunchOptions(['/opt/electron', '--smoke-test', '--data=/tmp/kb'])).toEqual({
      smokeTest: true,
      dataDir: '/tmp/kb',
    });
    expect(() => parseLaunchOptions(['x', '--data=relative/kb'])).toThrow(
      '--data needs an absolute folder, not "relative/kb"',
    );
  });

  it('fails the smoke test, with its reason, when the page does not load or the core fails', async () => {
    const page = (fire: 'did-finish-load' | 'did-fail-load'): LoadEvents => ({
      once: (event: string, listener: (...args: never[]) => void) => {
        if (event === fire)
          queueMicrotask(() =>
            (listener as (...args: unknown[]) => void)(
              null,
              -105,
              'ERR_NAME_NOT_RESOLVED',
              'app://seller-kb/index.html',
            ),
          );
        return undefined;
      },
    });
    const core = { search: async () => ({ hits: [] }), listCases: async () => [] } as never;
    const lines: string[] = [];
    expect(await runSmokeTest(page('did-fail-load'), Promise.resolve(core), (line) => lines.push(line))).toBe(1);
    expect(await runSmokeTest(page('did-finish-load'), Promise.resolve(core), (line) => lines.push(line))).toBe(1);
    expect(
      await runSmokeTest(page('did-finish-load'), Promise.reject(new Error('notebook.db is damaged')), (line) =>
        lines.push(line),
      ),
    ).toBe(1);
    const noWorkers = {
      search: async () => ({ hits: [{}] }),
      listCases: async () => [],
      addUserFolder: async () => ({ userFolders: [] }),
      removeUserFolder: async () => ({ userFolders: [] }),
    } as never;
    expect(await runSmokeTest(page('did-finish-load'), Promise.resolve(noWorkers), (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([
      'Seller KB smoke test failed: the window did not load app://seller-kb/index.html: ERR_NAME_NOT_RESOLVED (-105)',
      'Seller KB smoke test failed: a search for 移除订单 found nothing',
      'Seller KB smoke test failed: notebook.db is damaged',
      'Seller KB smoke test failed: the folder loader read 0 articles of a folder of one',
    ]);
  });
});
