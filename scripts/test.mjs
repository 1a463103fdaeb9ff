// `npm test`: build, typecheck, lint, format (Prettier, 120 columns), content checks, then every vitest suite (unit, contract,
// CLI, desktop with a mocked electron, e2e in Chromium), then the real-Electron suite where this
// machine has Electron's binary (said plainly when it is skipped). Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { desktopStep } from './desktopStep.mjs';

// On Windows the tools are .cmd files, which only a shell can start.
const windows = process.platform === 'win32';
const bin = (name) => (windows ? `node_modules\\.bin\\${name}.cmd` : `node_modules/.bin/${name}`);
const steps = [
  ['build', process.execPath, ['scripts/build.mjs']],
  ['typecheck (node)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['typecheck (tests)', bin('tsc'), ['-p', 'tsconfig.tests.json']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
  ['content', bin('tsx'), ['scripts/checkContent.ts']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: windows && command !== process.execPath });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

console.log('\n▶ tests');
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
  stdio: 'inherit',
  shell: windows,
});
if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
const desktop = desktopStep();
const passed = numPassedTests + desktop.passed;
const failed = numFailedTests + desktop.failed;
console.log(`\n${passed} passed, ${failed} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`);
process.exit(vitest.status === 0 && desktop.ok && failed === 0 ? 0 : 1);
