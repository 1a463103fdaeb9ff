import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { englishSpelling } from '../../electron/core/spelling/englishSpelling.js';
import { spellingHandlers } from '../../electron/core/spelling/spellingHandlers.js';
import { attachSpellingMenu, checkableWord, spellingItems } from '../../electron/main/spelling.js';
import { APP_ROOT } from '../helpers/tempDir.js';

const network = [
  vi.spyOn(http, 'request'),
  vi.spyOn(https, 'request'),
  vi.spyOn(net, 'connect'),
  vi.spyOn(globalThis, 'fetch'),
];

/** A text field and the page script runner of a stand-in webContents. */
function fakeContents(value: string, caret: number, selectionEnd = caret) {
  const field = {
    value,
    selectionStart: caret,
    selectionEnd,
    setSelectionRange(start: number, end: number) {
      this.selectionStart = start;
      this.selectionEnd = end;
    },
  };
  let listener: ((event: unknown, params: ContextMenuParams) => void) | null = null;
  const replaced: string[] = [];
  const contents = {
    on: (_name: string, handler: typeof listener) => (listener = handler),
    executeJavaScript: async (code: string) => runInNewContext(code, { document: { activeElement: field } }),
    replace: (text: string) =>
      replaced.push(`${field.value.slice(0, field.selectionStart)}[${text}]${field.value.slice(field.selectionEnd)}`),
  };
  return {
    contents,
    field,
    replaced,
    rightClick: (isEditable = true) => listener!({}, { isEditable } as ContextMenuParams),
  };
}

/** The core's checkSpelling, as the main process calls it. */
const { checkSpelling } = spellingHandlers();
const check = (word: string) => checkSpelling({ word });

function menuOpened(setup: ReturnType<typeof fakeContents>): Promise<MenuItemConstructorOptions[]> {
  return new Promise((resolve) =>
    attachSpellingMenu(setup.contents as never, { check, popup: resolve, locale: 'en-US' }),
  );
}

describe('spelling without the network', () => {
  it('checks English from the bundled dictionary-en and suggests corrections', () => {
    const spelling = englishSpelling();
    expect(spelling.isCorrect('suspension')).toBe(true);
    expect(spelling.isCorrect("seller's")).toBe(true);
    expect(spelling.isCorrect('recieve')).toBe(false);
    expect(spelling.suggest('recieve')[0]).toBe('receive');
    expect(spelling.suggest('suspensoin', 3)).toEqual(['suspension']);
    expect(englishSpelling()).toBe(spelling);
    for (const spy of network) expect(spy).not.toHaveBeenCalled();
  });

  it('finds dictionary-en from the built main process bundle too', () => {
    const fromBundle = createRequire(join(APP_ROOT, 'dist/electron/main.cjs')).resolve('dictionary-en');
    expect(fromBundle).toBe(createRequire(import.meta.url).resolve('dictionary-en'));
  });

  it('judges only plain words: letters and inner apostrophes', () => {
    expect(checkableWord(' recieve ')).toBe('recieve');
    expect(checkableWord("'Amazon's'")).toBe("Amazon's");
    expect(checkableWord('Recieve')).toBe('Recieve');
    expect(['', 'a', 'ODR', 'FBA', 'ODR-2', '移除', 'B0123', 'x'.repeat(41)].map(checkableWord)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('lists corrections of a misspelt word first, and nothing for a word spelt right', async () => {
    const replace = vi.fn();
    const items = spellingItems(await check('recieve'), replace, 'none');
    expect(items.at(-1)).toEqual({ type: 'separator' });
    expect(items[0]!.label).toBe('receive');
    items[0]!.click!({} as never, undefined, {} as never);
    expect(replace).toHaveBeenCalledWith('receive');
    expect(spellingItems(await check('receive'), replace, 'none')).toEqual([]);
    expect(spellingItems(null, replace, 'none')).toEqual([]);
    expect(spellingItems(await check('qzxwvkj'), replace, '(No spelling suggestions)')[0]).toEqual({
      label: '(No spelling suggestions)',
      enabled: false,
    });
    await expect(check('<script>')).rejects.toThrow(/one English word/);
  });

  it('on a right click in a text field, corrects the word at the caret in place', async () => {
    const setup = fakeContents('We will recieve the funds.', 11);
    const opened = menuOpened(setup);
    setup.rightClick();
    const menu = await opened;
    expect(menu[0]!.label).toBe('receive');
    expect(menu.map((item) => item.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    menu[0]!.click!({} as never, undefined, {} as never);
    await vi.waitFor(() => expect(setup.replaced).toEqual(['We will [receive] the funds.']));
  });

  it('offers only editing for a word spelt right, and no menu outside text fields', async () => {
    const right = fakeContents('Plan of Action', 2);
    const opened = menuOpened(right);
    right.rightClick();
    expect((await opened)[0]).toEqual({ role: 'undo' });
    const popup = vi.fn();
    const outside = fakeContents('recieve', 3);
    attachSpellingMenu(outside.contents as never, { check, popup, locale: 'en-US' });
    outside.rightClick(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(popup).not.toHaveBeenCalled();
  });
});
