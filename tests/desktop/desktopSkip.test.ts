import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// Without an Electron binary the real-Electron suite is skipped, and says so: never a silent pass.
// ELECTRON_OVERRIDE_DIST_PATH at an empty folder stands for a machine without the binary.
const tempDir = useTempDirs();

function run(script: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: APP_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir(), SELLER_KB_REQUIRE_ELECTRON: '', ...env },
  });
}

describe('the real-Electron suite without a binary', () => {
  it('npm run test:desktop prints "skipped: no Electron binary" and exits 0', () => {
    const result = run("await import('./scripts/testDesktop.mjs');");
    expect(result.stdout.trim()).toBe(
      'skipped: no Electron binary (npm start downloads it; then run npm run test:desktop)',
    );
    expect(result.status).toBe(0);
  });

  it('fails instead where SELLER_KB_REQUIRE_ELECTRON=1 (CI)', () => {
    const result = run("await import('./scripts/testDesktop.mjs');", { SELLER_KB_REQUIRE_ELECTRON: '1' });
    expect(result.stderr).toContain('test:desktop failed: no Electron binary');
    expect(result.status).toBe(1);
  });

  it('npm test reports it as skipped, counting nothing as passed', () => {
    const result = run(
      "const { desktopStep } = await import('./scripts/desktopStep.mjs'); console.log(JSON.stringify(desktopStep()));",
    );
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(-3)).toEqual([
      '▶ desktop (real Electron)',
      'skipped: no Electron binary — the real-Electron suite did not run (npm start downloads the binary; then npm run test:desktop)',
      JSON.stringify({ skipped: true, passed: 0, failed: 0, ok: true }),
    ]);
    expect(readFileSync(join(APP_ROOT, 'scripts/test.mjs'), 'utf8')).toContain('const desktop = desktopStep();');
  });
});
