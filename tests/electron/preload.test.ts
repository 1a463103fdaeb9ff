import { describe, expect, it, vi } from 'vitest';
import type { DesktopKb, KbEventEnvelope, LibraryInfo } from '../../electron/common/index.js';
import { apiFromEnvelopes, EVENTS_CHANNEL, KB_METHODS, KbError, ipcChannel } from '../../electron/common/index.js';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, argument: unknown) => {
  if (channel === ipcChannel('getArticle'))
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Library: article "x" not found', details: { what: 'article', name: 'x' } },
    };
  if (channel === ipcChannel('listCases')) throw new Error('channel closed');
  return { ok: true, value: { channel, argument } };
});
const handlers = new Map<string, (event: unknown, envelope: unknown) => void>();
const on = (channel: string, handler: (event: unknown, envelope: unknown) => void) => handlers.set(channel, handler);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: { invoke, on, send: vi.fn() },
  webUtils: { getPathForFile: () => '/home/seller/invoice.pdf' },
}));

const info: LibraryInfo = {
  articleCount: 3,
  categories: [],
  problems: [],
  userFolders: [{ path: '/home/seller/kb', articleCount: 3 } as LibraryInfo['userFolders'][number]],
};
/** Electron's event object: what must never reach the page. */
const ipcEvent = { sender: { send: () => undefined }, senderId: 0 };

async function desktopKb(): Promise<DesktopKb> {
  await import('../../electron/preload/preload.js');
  return exposed.get('kb') as DesktopKb;
}

describe('the preload', () => {
  it('exposes exactly window.kb with one function per contract method and one per event, window.kbFiles with only pathForFile, and no ipcRenderer', async () => {
    const kb = await desktopKb();
    expect([...exposed.keys()]).toEqual(['kb', 'kbFiles']);
    expect(Object.keys(exposed.get('kbFiles') as object)).toEqual(['pathForFile']);
    expect(Object.keys(kb).sort()).toEqual([...KB_METHODS, 'onDue', 'onLibraryChanged'].sort());
    expect(Object.values(kb).every((value) => typeof value === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(kb))).not.toContain('ipc');
  });

  it('sends each call on its own channel and answers with the envelope as it came', async () => {
    const kb = await desktopKb();
    expect(await kb.search({ text: 'ODR' })).toEqual({
      ok: true,
      value: { channel: ipcChannel('search'), argument: { text: 'ODR' } },
    });
  });

  it('passes an error envelope through as data, so the renderer rejects with a KbError keeping its code and details', async () => {
    const kb = await desktopKb();
    const envelope = await kb.getArticle({ id: 'x' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Library: article "x" not found', details: { what: 'article', name: 'x' } },
    });
    const error = await apiFromEnvelopes(kb)
      .getArticle({ id: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KbError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { what: 'article', name: 'x' } });
  });

  it('answers a call whose channel broke with an INTERNAL envelope instead of rejecting', async () => {
    const kb = await desktopKb();
    expect(await kb.listCases()).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/IPC: listCases did not reach the core \(channel closed\)/),
      },
    });
  });

  it('listens on the one events channel, hands each subscriber the payload only, and stops after unsubscribe', async () => {
    const kb = await desktopKb();
    expect([...handlers.keys()]).toEqual([EVENTS_CHANNEL]);
    const send = handlers.get(EVENTS_CHANNEL)!;
    const heard: unknown[][] = [];
    const stop = kb.onLibraryChanged((...args: unknown[]) => heard.push(args));
    const dues: unknown[] = [];
    const stopDue = kb.onDue((due) => dues.push(due));
    send(ipcEvent, { event: 'libraryChanged', payload: info } satisfies KbEventEnvelope);
    send(ipcEvent, { event: 'nonsense', payload: {} });
    send(ipcEvent, { event: 'due', payload: 'not a list' });
    expect(heard).toEqual([[info]]);
    expect(dues).toEqual([]);
    stop();
    stopDue();
    send(ipcEvent, { event: 'libraryChanged', payload: info } satisfies KbEventEnvelope);
    expect(heard).toHaveLength(1);
  });
});
