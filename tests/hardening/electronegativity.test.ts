import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  sample: string;
}

interface BaselineEntry extends Finding {
  why: string;
}

/**
 * Electronegativity fetches translations and Electron release data over the network; the test
 * machine has none, so its HTTP client answers "offline" at once instead of timing out.
 */
function loadScannerOffline(): (options: Record<string, unknown>) => Promise<{
  issues: { id: string; file: string; sample?: string }[];
  errors: { message: string; tolerable: boolean }[];
}> {
  const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [scannerDir] });
  const offline = () => Promise.reject(new Error('offline'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as unknown as NodeJS.Module;
  return require(join(scannerDir, 'dist', 'runner.js')) as ReturnType<typeof loadScannerOffline>;
}

/** What ships in the desktop app: main, the core's process, preload and the page with its CSP. */
function shippedDesktopFiles(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  for (const file of ['main.cjs', 'coreProcess.cjs', 'preload.cjs'])
    copyFileSync(join('dist', 'electron', file), join(dir, file));
  copyFileSync(join('dist', 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
  return dir;
}

describe('Electronegativity', () => {
  it('finds nothing beyond the reviewed baseline in the shipped desktop code', { timeout: 120_000 }, async () => {
    const run = loadScannerOffline();
    const input = shippedDesktopFiles();
    const result = await run({
      input,
      electronVersionOverride: '45.0.0',
      isRelative: true,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    const baseline = JSON.parse(
      readFileSync('tests/hardening/electronegativity-baseline.json', 'utf8'),
    ) as BaselineEntry[];
    const accepted = new Set(baseline.map((entry) => `${entry.id}|${entry.file}|${entry.sample}`));
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.replace(`${input}/`, ''),
      sample: (issue.sample ?? '').trim().slice(0, 200),
    }));
    const unexpected = findings.filter((finding) => !accepted.has(`${finding.id}|${finding.file}|${finding.sample}`));
    expect(result.errors.filter((error) => !error.tolerable)).toEqual([]);
    expect(
      unexpected,
      'new findings: fix them, or review and add them to tests/hardening/electronegativity-baseline.json',
    ).toEqual([]);
  });
});
