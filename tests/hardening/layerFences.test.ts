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
    [
      'renderer/src/probe.ts',
      "import { createCore } from '../../electron/core/createCore.js';\nexport const probe = createCore;",
    ],
    [
      'electron/bridge/probe.ts',
      "import { Notebook } from '../core/notes/notebook.js';\nexport const probe = Notebook;",
    ],
    [
      'electron/main/probe.ts',
      "import { KnowledgeBase } from '../core/content/knowledgeBase.js';\nexport const probe = KnowledgeBase;",
    ],
    [
      'electron/cli/probe.ts',
      "import { registerIpcHandlers } from '../main/ipc.js';\nexport const probe = registerIpcHandlers;",
    ],
    [
      'electron/preload/probe.ts',
      "import { createCore } from '../core/createCore.js';\nexport const probe = createCore;",
    ],
    [
      'electron/common/probe.ts',
      "import { Notebook } from '../core/notes/notebook.js';\nexport const probe = Notebook;",
    ],
    // Inside the renderer: features and services never reach up into the shell, services never into a feature.
    ['renderer/src/cases/probe.tsx', "import { Sidebar } from '../shell/Sidebar.js';\nexport const probe = Sidebar;"],
    [
      'renderer/src/cases/attachments/probe.tsx',
      "import { App } from '../../shell/App.js';\nexport const probe = App;",
    ],
    [
      'renderer/src/services/probe.ts',
      "import { RouteView } from '../shell/RouteView.js';\nexport const probe = RouteView;",
    ],
    [
      'renderer/src/services/probe.ts',
      "import { preferenceStore } from '../settings/preferenceStores.js';\nexport const probe = preferenceStore;",
    ],
    ['renderer/src/settings/probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;"],
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
    [
      'electron/cli/probe.ts',
      "import { requireRegularFile } from '../core/files/fileKinds.js';\nexport const probe = requireRegularFile;",
    ],
    ['electron/preload/probe.ts', "import { KB_METHODS } from '../common/api.js';\nexport const probe = KB_METHODS;"],
    ['electron/core/probe.ts', 'export const probe = (document: { id: string }) => document.id;'],
    [
      'renderer/src/shell/probe.tsx',
      "import { CasesPage } from '../cases/CasesPage.js';\nexport const probe = CasesPage;",
    ],
    ['renderer/src/main.tsx', "import { App } from './shell/App.js';\nexport const probe = App;"],
    [
      'renderer/src/cases/probe.ts',
      "import { reportError } from '../services/notices.js';\nexport const probe = reportError;",
    ],
    ['renderer/src/services/probe.ts', "import { useT } from '../i18n/useT.js';\nexport const probe = useT;"],
  ])('lets the allowed crossing in %s through', async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });
});
