// The last step of `npm test`: the real-Electron suite where this machine has Electron's binary,
// else one plain line saying it was skipped (never a silent pass).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { electronBinaryPath } from './electronBinary.mjs';

export const SKIPPED =
  'skipped: no Electron binary — the real-Electron suite did not run (npm start downloads the binary; then npm run test:desktop)';

/** Runs the suite (or says it is skipped); returns its counts and whether it passed. */
export function desktopStep(log = console.log) {
  log('\n▶ desktop (real Electron)');
  if (!electronBinaryPath()) {
    log(SKIPPED);
    return { skipped: true, passed: 0, failed: 0, ok: true };
  }
  const report = 'test-results/vitest-desktop.json';
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    ['scripts/testDesktop.mjs', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    { stdio: 'inherit' },
  );
  const counts = existsSync(report)
    ? JSON.parse(readFileSync(report, 'utf8'))
    : { numPassedTests: 0, numFailedTests: 1 };
  return {
    skipped: false,
    passed: counts.numPassedTests,
    failed: counts.numFailedTests,
    ok: run.status === 0 && counts.numFailedTests === 0,
  };
}
