// `npm test`: build, typecheck, lint, content checks, then every vitest suite (unit, contract,
// CLI, desktop with a mocked electron, e2e in Chromium). Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['build', process.execPath, ['scripts/build.mjs']],
  ['typecheck (node)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['typecheck (tests)', bin('tsc'), ['-p', 'tsconfig.tests.json']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['content', bin('tsx'), ['scripts/checkContent.ts']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

console.log('\n▶ tests');
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`], { stdio: 'inherit' });
if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
console.log(`\n${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`);
process.exit(vitest.status === 0 && numFailedTests === 0 ? 0 : 1);
