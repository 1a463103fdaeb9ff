import { describe, expect, it, vi } from 'vitest';
import { KB_METHODS, KbError, ipcChannel } from '../../electron/common/index.js';
import { errorFromCrossing } from '../../electron/common/errors.js';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, argument: unknown) =>
  channel === ipcChannel('getArticle') ? { ok: false, error: { code: 'NOT_FOUND', message: 'Library: article "x" not found' } } : { ok: true, value: { channel, argument } },
);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn() },
  webUtils: { getPathForFile: () => '/home/seller/invoice.pdf' },
}));

describe('the preload', () => {
  it('exposes exactly window.kb with one function per contract method, window.kbFiles with only pathForFile, and no ipcRenderer', async () => {
    await import('../../electron/preload/preload.js');
    expect([...exposed.keys()]).toEqual(['kb', 'kbFiles']);
    expect(Object.keys(exposed.get('kbFiles') as object)).toEqual(['pathForFile']);
    const kb = exposed.get('kb') as Record<string, unknown>;
    expect(Object.keys(kb).sort()).toEqual([...KB_METHODS].sort());
    expect(Object.values(kb).every((value) => typeof value === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(kb))).not.toContain('ipc');
  });

  it('sends each call on its own channel and returns only the payload', async () => {
    const kb = exposed.get('kb') as Record<string, (argument?: unknown) => Promise<unknown>>;
    expect(await kb.search!({ text: 'ODR' })).toEqual({ channel: ipcChannel('search'), argument: { text: 'ODR' } });
  });

  it('throws errors the renderer turns back into KbError with their code', async () => {
    const kb = exposed.get('kb') as Record<string, (argument?: unknown) => Promise<unknown>>;
    const error = errorFromCrossing(await kb.getArticle!({ id: 'x' }).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(KbError);
    expect((error as KbError).code).toBe('NOT_FOUND');
  });
});
