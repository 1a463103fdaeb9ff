import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/main/menu.js';
import { loadWindowBounds, saveWindowBounds } from '../../electron/main/windowState.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('the window', () => {
  it('remembers its size, position and maximized state', () => {
    const file = join(tempDir(), 'window.json');
    saveWindowBounds(file, { x: 40, y: 60, width: 1000, height: 700, maximized: true });
    expect(loadWindowBounds(file)).toEqual({ x: 40, y: 60, width: 1000, height: 700, maximized: true });
  });

  it('falls back to a sane size when the saved file is missing, damaged or absurd', () => {
    const dir = tempDir();
    expect(loadWindowBounds(join(dir, 'missing.json'))).toMatchObject({ width: 1200, height: 800, maximized: false });
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(loadWindowBounds(join(dir, 'bad.json'))).toMatchObject({ width: 1200, height: 800 });
    writeFileSync(join(dir, 'huge.json'), JSON.stringify({ width: 10, height: 1e9 }));
    expect(loadWindowBounds(join(dir, 'huge.json'))).toMatchObject({ width: 1200, height: 800 });
  });
});

describe('the application menu', () => {
  it('is labelled in Chinese or English after the system, with print and save-as-PDF shortcuts', () => {
    const actions = { print: vi.fn(), savePdf: vi.fn() };
    const zh = menuTemplate('zh-CN', false, actions);
    const en = menuTemplate('en-US', true, actions);
    expect(zh.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(en[0]).toMatchObject({ role: 'appMenu' });
    const file = en[1]!.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    expect(file.slice(0, 2).map((item) => [item.label, item.accelerator])).toEqual([
      ['Print…', 'CmdOrCtrl+P'],
      ['Save as PDF…', 'CmdOrCtrl+Shift+S'],
    ]);
    file[1]!.click!();
    expect(actions.savePdf).toHaveBeenCalledOnce();
  });
});
