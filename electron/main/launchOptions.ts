import { isAbsolute } from 'node:path';
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
  once(event: 'did-fail-load', listener: (event: unknown, code: number, description: string, url: string) => void): unknown;
}

/**
 * The smoke test: the page loaded, a search of the library finds 移除订单, and the notebook opens.
 * Prints one line and resolves with the exit code (0 passed, 1 failed).
 */
export function runSmokeTest(page: LoadEvents, api: Promise<Pick<KbApi, 'search' | 'listCases'>>, log: (line: string) => void): Promise<number> {
  const loaded = new Promise<void>((resolve, reject) => {
    page.once('did-finish-load', resolve);
    page.once('did-fail-load', (_event, code, description, url) => reject(new Error(`the window did not load ${url}: ${description} (${code})`)));
  });
  return (async () => {
    try {
      await loaded;
      const core = await api;
      const { hits } = await core.search({ text: '移除订单' });
      if (hits.length === 0) throw new Error('a search for 移除订单 found nothing');
      const cases = await core.listCases();
      log(`Seller KB smoke test passed: window loaded, ${hits.length} hits for 移除订单, notebook open (${cases.length} cases)`);
      return 0;
    } catch (error) {
      log(`Seller KB smoke test failed: ${(error as Error).message}`);
      return 1;
    }
  })();
}
