import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server.js';
import type { Core } from '../../electron/core/createCore.js';
import { readFolderCache } from '../../electron/core/content/folderCache.js';
import { requireDirectory, requireRegularFile } from '../../electron/core/files/fileKinds.js';
import { loadWindowBounds } from '../../electron/main/windowState.js';
import { openTestCore } from '../helpers/core.js';
import { makeFifo, specialPaths } from '../helpers/specialFiles.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
let core: Core;
let bridge: Bridge;

beforeEach(async () => {
  core = await openTestCore(tempDir());
  bridge = await startBridge({ api: core, staticDir: null });
});
afterEach(async () => {
  await bridge.close();
  core.close();
});

async function call(
  method: string,
  argument: unknown,
): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' },
    body: JSON.stringify(argument),
  });
  return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
}

describe('paths that are not regular files or folders', () => {
  it('check and restore refuse a FIFO, a device, a folder, a dangling link and a link loop, naming what it is', async () => {
    const paths = specialPaths(tempDir());
    const expected = {
      fifo: /is a named pipe \(FIFO\), not a file/,
      device: /is a device, not a file/,
      folder: /is a folder, not a file/,
      dangling: /not found \(a symbolic link to nothing\)/,
      loop: /is a loop of symbolic links/,
    };
    for (const method of ['checkNotebook', 'restoreNotebook']) {
      for (const [kind, path] of Object.entries(paths)) {
        const answer = await call(method, { path });
        expect(answer.ok, `${method} ${kind}`).toBe(false);
        expect(answer.error?.message, `${method} ${kind}`).toMatch(expected[kind as keyof typeof expected]);
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(answer.error?.code);
      }
    }
    // The bridge kept answering, and the notebook is still the same healthy one.
    expect((await call('checkNotebook', {})).ok).toBe(true);
    expect(((await call('listCases', {})) as unknown as { value: unknown[] }).value).toEqual([]);
  });

  it('a backup is not written into a FIFO, a device or through a dangling link', async () => {
    const dir = tempDir();
    const paths = specialPaths(dir);
    for (const target of [paths.fifo, paths.dangling, join(paths.fifo, 'x.db'), '/dev/null/x.db']) {
      const answer = await call('backupNotebook', { path: target });
      expect(answer.ok, target).toBe(false);
      expect(answer.error?.message, target).toMatch(
        /already exists|is a named pipe|is a device|not a folder|not found/,
      );
    }
    expect((await call('backupNotebook', { path: join(dir, 'fine.db') })).ok).toBe(true);
  });

  it('a user folder that is a FIFO or a device is refused; a FIFO inside a folder is never read', async () => {
    const dir = tempDir();
    const fifo = makeFifo(dir);
    for (const path of [fifo, '/dev/zero']) {
      const answer = await call('addUserFolder', { path });
      expect(answer.error?.code, path).toBe('INVALID_INPUT');
      expect(answer.error?.message, path).toMatch(/is a (named pipe \(FIFO\)|device), not a folder/);
    }
    const folder = join(dir, 'notes');
    mkdirSync(folder);
    writeFileSync(join(folder, 'real.md'), '# Real\n\nA note.');
    makeFifo(folder, 'blocking.md');
    const added = (await call('addUserFolder', { path: folder })) as unknown as {
      value: { userFolders: { path: string; articleCount: number }[] };
    };
    expect(added.value.userFolders.find((entry) => entry.path === folder)?.articleCount).toBe(1);
  });

  it('a FIFO in the place of notebook.db leaves the notebook closed with that reason, and the library open', async () => {
    const dataDir = tempDir();
    makeFifo(dataDir, 'notebook.db');
    const opened = await openTestCore(dataDir);
    try {
      const error = (await opened.listCases().catch((caught: unknown) => caught)) as { code: string; message: string };
      expect(error.message).toMatch(/notebook\.db is a named pipe \(FIFO\), not a file/);
      expect((await opened.search({ text: '移除订单' })).hits.length).toBeGreaterThan(0);
    } finally {
      opened.close();
    }
  });

  it('a FIFO in the place of the folder cache or window.json is passed over as absent', () => {
    const dir = tempDir();
    expect(readFolderCache(makeFifo(dir, 'user-folders.cache'), 'any key')).toBeNull();
    expect(loadWindowBounds(makeFifo(dir, 'window.json'))).toMatchObject({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('the checks read nothing: they answer for a FIFO no process will ever write', () => {
    const fifo = makeFifo(tempDir(), 'pipe', 3600);
    expect(() => requireRegularFile(fifo, 'Import')).toThrow('Import: ' + fifo + ' is a named pipe (FIFO), not a file');
    expect(() => requireDirectory(fifo, 'Library')).toThrow('is a named pipe (FIFO), not a folder');
  });
});
