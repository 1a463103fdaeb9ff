import { describe, expect, it, vi } from 'vitest';
import type { KbApi } from '../../electron/common/index.js';
import { KB_METHODS, ipcChannel } from '../../electron/common/index.js';
import { APP_ORIGIN, isTrustedSender, registerIpcHandlers } from '../../electron/main/ipc.js';
import { denyAllPermissions, lockNavigation } from '../../electron/main/security.js';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
    navigate(url: string) {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      listeners.get('will-navigate')?.(event, url);
      return event.prevented;
    },
    open: (url: string) => windowOpen!({ url }),
  };
}

describe('window hardening', () => {
  it('blocks navigation away from the app and hands allowed links to the system', async () => {
    const contents = fakeContents();
    const open = vi.fn(async () => undefined);
    lockNavigation(contents as never, open);
    expect(contents.navigate(`${APP_ORIGIN}/index.html#/article/x`)).toBe(false);
    expect(contents.navigate('https://evil.example/phish')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    await Promise.resolve();
    expect(open.mock.calls).toEqual([['https://evil.example/phish']]);
  });

  it('denies every new window, opening only allow-listed URLs externally', async () => {
    const contents = fakeContents();
    const open = vi.fn(async () => undefined);
    lockNavigation(contents as never, open);
    expect(contents.open('https://sellercentral.amazon.com').action).toBe('deny');
    expect(contents.open('javascript:alert(1)').action).toBe('deny');
    await Promise.resolve();
    expect(open.mock.calls).toEqual([['https://sellercentral.amazon.com']]);
  });

  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    } as never);
    const callback = vi.fn();
    request!(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });
});

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(frame(`${APP_ORIGIN}/index.html`) as never)).toBe(true);
    expect(isTrustedSender(frame('https://evil.example') as never)).toBe(false);
    expect(isTrustedSender(frame(`${APP_ORIGIN}/index.html`, {}) as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });

  it('registers one handler per contract method that checks sender and arguments before calling the core', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const api = { getArticle: vi.fn(async (request: { id: string }) => ({ id: request.id })) } as unknown as KbApi;
    registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, api);
    expect([...handlers.keys()].sort()).toEqual(KB_METHODS.map(ipcChannel).sort());
    const getArticle = handlers.get(ipcChannel('getArticle'))!;
    expect(await getArticle(frame(`${APP_ORIGIN}/`), { id: 'a' })).toEqual({ ok: true, value: { id: 'a' } });
    expect(await getArticle(frame('https://evil.example'), { id: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await getArticle(frame(`${APP_ORIGIN}/`), { id: 'a' }, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(api.getArticle).toHaveBeenCalledTimes(1);
  });
});
