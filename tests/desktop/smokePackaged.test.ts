import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// The CI step that starts the packaged app once, run against stand-in AppImages.
const tempDir = useTempDirs();

function smoke(release: string) {
  return spawnSync(process.execPath, [join(APP_ROOT, 'scripts/smokePackaged.mjs'), release], { encoding: 'utf8' });
}

function standInAppImage(script: string): string {
  const release = join(tempDir(), 'release');
  mkdirSync(release);
  writeFileSync(join(release, 'Seller KB-0.1.0.AppImage'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return release;
}

describe.runIf(process.platform === 'linux')('npm run smoke:packaged', () => {
  it('passes when the packaged app, started with --smoke-test and a fresh --data folder, says so and exits 0', () => {
    const release = standInAppImage(
      '[ "$1" = --smoke-test ] && [ "$APPIMAGE_EXTRACT_AND_RUN" = 1 ] && [ -d "${2#--data=}" ] && echo "Seller KB smoke test passed: window loaded, 9 hits for 移除订单, notebook open (0 cases)"',
    );
    const result = smoke(release);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Seller KB smoke test passed: window loaded');
    expect(result.status).toBe(0);
  });

  it('also reads the line from smoke-test.txt in the notebook folder (a Windows GUI app may have no stdout)', () => {
    const result = smoke(
      standInAppImage('echo "Seller KB smoke test passed: window loaded" > "${2#--data=}/smoke-test.txt"'),
    );
    expect(result.stdout).toContain('Seller KB smoke test passed: window loaded');
    expect(result.status).toBe(0);
  });

  it("fails with the app's last lines when it exits non-zero, and when there is no packaged app", () => {
    const failing = smoke(standInAppImage('echo "Seller KB smoke test failed: notebook.db is damaged"; exit 1'));
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(
      /ended with 1, without its "passed" line\nSeller KB smoke test failed: notebook.db is damaged/,
    );
    const missing = smoke(join(tempDir(), 'release'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no packaged app for linux');
  });
});
