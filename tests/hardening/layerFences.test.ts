import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../helpers/tempDir.js';

const eslint = new ESLint({ cwd: APP_ROOT });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (the file need not exist). */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${APP_ROOT}/${path}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the layer fences', () => {
  it.each([
    ['renderer/src/probe.ts', "import { readFileSync } from 'fs';\nexport const probe = readFileSync;"],
    ['renderer/src/probe.ts', "import { join } from 'node:path';\nexport const probe = join;"],
    ['renderer/src/probe.ts', "import { createCore } from '../../electron/core/createCore.js';\nexport const probe = createCore;"],
    ['electron/bridge/probe.ts', "import { Notebook } from '../core/notes/notebook.js';\nexport const probe = Notebook;"],
    ['electron/main/probe.ts', "import { KnowledgeBase } from '../core/content/knowledgeBase.js';\nexport const probe = KnowledgeBase;"],
    ['electron/cli/probe.ts', "import { registerIpcHandlers } from '../main/ipc.js';\nexport const probe = registerIpcHandlers;"],
    ['electron/preload/probe.ts', "import { createCore } from '../core/createCore.js';\nexport const probe = createCore;"],
    ['electron/common/probe.ts', "import { Notebook } from '../core/notes/notebook.js';\nexport const probe = Notebook;"],
  ])('refuses the import in %s', async (path, code) => {
    expect(await violations(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/core/probe.ts', 'export const probe = () => document.title;'],
    ['electron/core/probe.ts', "export const probe = () => localStorage.getItem('x');"],
    ['electron/common/probe.ts', 'export const probe = () => window.location.href;'],
  ])('refuses browser globals in %s', async (path, code) => {
    expect(await violations(path, code)).toContain('no-restricted-globals');
  });

  it.each([
    ['electron/bridge/probe.ts', "import { dispatch } from '../core/dispatch.js';\nexport const probe = dispatch;"],
    ['electron/main/probe.ts', "import { createCore } from '../core/createCore.js';\nexport const probe = createCore;"],
    ['electron/cli/probe.ts', "import { startBridge } from '../bridge/server.js';\nexport const probe = startBridge;"],
    ['electron/cli/probe.ts', "import { requireRegularFile } from '../core/files/fileKinds.js';\nexport const probe = requireRegularFile;"],
    ['electron/preload/probe.ts', "import { KB_METHODS } from '../common/api.js';\nexport const probe = KB_METHODS;"],
    ['electron/core/probe.ts', 'export const probe = (document: { id: string }) => document.id;'],
  ])('lets the allowed crossing in %s through', async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });
});
