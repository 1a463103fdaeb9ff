// `npm run test:desktop`: the real-Electron suite against the built app. Without an Electron binary
// (npm start fetches it) it says "skipped: no Electron binary" and exits 0 — or 1 where
// SELLER_KB_REQUIRE_ELECTRON=1 (CI), so a machine that should have Electron never passes silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinaryPath } from './electronBinary.mjs';

const binary = electronBinaryPath();
if (!binary) {
  if (process.env.SELLER_KB_REQUIRE_ELECTRON === '1') {
    console.error(
      'test:desktop failed: no Electron binary, and SELLER_KB_REQUIRE_ELECTRON=1 requires one (run "npx install-electron" or npm start first).',
    );
    process.exit(1);
  }
  console.log('skipped: no Electron binary (npm start downloads it; then run npm run test:desktop)');
  process.exit(0);
}
if (!existsSync('dist/electron/main.cjs') || !existsSync('dist/renderer/index.html')) await import('./build.mjs');
const vitest = process.platform === 'win32' ? 'node_modules/.bin/vitest.cmd' : 'node_modules/.bin/vitest';
const run = spawnSync(vitest, ['run', '--config', 'vitest.desktop.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, SELLER_KB_ELECTRON: binary },
});
process.exit(run.status ?? 1);
