import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const state = { lock: true };
const fork = vi.hoisted(() => vi.fn());

vi.mock('electron', () => {
  const app = {
    getAppPath: () => process.cwd(),
    setName: () => undefined,
    requestSingleInstanceLock: () => state.lock,
    quit: () => calls.push('quit'),
    on: (name: string) => calls.push(`on:${name}`),
    whenReady: () => new Promise(() => undefined),
    getPath: () => '/tmp/seller-kb-mock',
  };
  return {
    app,
    protocol: { registerSchemesAsPrivileged: () => calls.push('schemes') },
    BrowserWindow: class {},
    dialog: {},
    ipcMain: {},
    Menu: {},
    session: {},
    shell: {},
    utilityProcess: { fork },
  };
});

describe('the main process', () => {
  beforeEach(() => {
    calls.length = 0;
    vi.resetModules();
  });

  it('quits before opening the notebook when another instance holds the lock', async () => {
    state.lock = false;
    await import('../../electron/main/main.js');
    expect(calls).toContain('quit');
    expect(calls.some((call) => call.startsWith('on:'))).toBe(false);
    // The core's process (which opens the notebook) was never started.
    expect(fork).not.toHaveBeenCalled();
  });

  it('with the lock, focuses itself on a second launch and locks every new web contents', async () => {
    state.lock = true;
    await import('../../electron/main/main.js');
    expect(calls).not.toContain('quit');
    expect(calls).toEqual(
      expect.arrayContaining(['on:second-instance', 'on:web-contents-created', 'on:window-all-closed']),
    );
  });
});
