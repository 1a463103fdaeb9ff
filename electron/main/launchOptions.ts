import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { KbApi } from '../common/api.js';

/** Where --smoke-test also writes its one line, in the notebook folder. */
export const SMOKE_TEST_FILE = 'smoke-test.txt';

/** What the command line of the desktop app can ask for. */
export interface LaunchOptions {
  /** `--smoke-test`: quit once the window has loaded and the library and notebook answer (CI, installers). */
  smokeTest: boolean;
  /** `--data=DIR`: the notebook folder instead of Electron's userData (as the CLI's --data). */
  dataDir: string | null;
}

/** Reads the app's own switches from argv; anything else (Chromium's switches, the app path) is left alone. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const data = argv.find((argument) => argument.startsWith('--data='))?.slice('--data='.length) ?? null;
  if (data !== null && !isAbsolute(data)) throw new Error(`Seller KB: --data needs an absolute folder, not "${data}"`);
  return { smokeTest: argv.includes('--smoke-test'), dataDir: data };
}

/** The events of a window's page the smoke test waits for. */
export interface LoadEvents {
  once(event: 'did-finish-load', listener: () => void): unknown;
  once(
    event: 'did-fail-load',
    listener: (event: unknown, code: number, description: string, url: string) => void,
  ): unknown;
}

type SmokeApi = Pick<KbApi, 'search' | 'listCases' | 'addUserFolder' | 'removeUserFolder'>;

/**
 * The smoke test: the page loaded, a search of the library finds 移除订单, the notebook opens, and
 * a small folder is read by the folder loader's worker threads (in the packaged app: from inside
 * the asar) and removed again. Prints one line and resolves with the exit code (0 passed, 1 failed).
 */
export function runSmokeTest(page: LoadEvents, api: Promise<SmokeApi>, log: (line: string) => void): Promise<number> {
  const loaded = new Promise<void>((resolve, reject) => {
    page.once('did-finish-load', resolve);
    page.once('did-fail-load', (_event, code, description, url) =>
      reject(new Error(`the window did not load ${url}: ${description} (${code})`)),
    );
  });
  return (async () => {
    try {
      await loaded;
      const core = await api;
      const { hits } = await core.search({ text: '移除订单' });
      if (hits.length === 0) throw new Error('a search for 移除订单 found nothing');
      const cases = await core.listCases();
      const articles = await readSmokeFolder(core);
      log(
        `Seller KB smoke test passed: window loaded, ${hits.length} hits for 移除订单, notebook open (${cases.length} cases), a folder read by the worker threads (${articles} article)`,
      );
      return 0;
    } catch (error) {
      log(`Seller KB smoke test failed: ${(error as Error).message}`);
      return 1;
    }
  })();
}

/** Adds a folder of one article, checks it was read, and removes it again; resolves with its article count. */
async function readSmokeFolder(core: SmokeApi): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'seller-kb-smoke-'));
  try {
    writeFileSync(join(folder, 'smoke.md'), '# Smoke test\n\nRead by the folder loader.\n');
    const info = await core.addUserFolder({ path: folder });
    const articles = info.userFolders.find((entry) => entry.path === folder)?.articleCount ?? 0;
    await core.removeUserFolder({ path: folder });
    if (articles !== 1) throw new Error(`the folder loader read ${articles} articles of a folder of one`);
    return articles;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
