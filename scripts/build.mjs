// Builds what the app runs: the CLI, Electron main and preload, the renderer, and the prebuilt library.
// Runs from `npm run build` and from `prepare` (so `npm ci` leaves a working `npx seller-kb`).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { stampBuild } from './buildFreshness.mjs';

const node = {
  platform: 'node',
  target: 'node22',
  bundle: true,
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...node, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/cli.mjs', format: 'esm' }),
  build({ ...node, entryPoints: ['scripts/buildLibrary.ts'], outfile: 'dist/tools/buildLibrary.mjs', format: 'esm' }),
  // The evidence vault's text worker (pdf.js, tesseract.js), started by the core as a worker thread.
  build({
    ...node,
    entryPoints: ['electron/core/attachments/textWorker.ts'],
    outfile: 'dist/workers/attachmentText.mjs',
    format: 'esm',
  }),
  // The folder loader's worker threads (read, render, sanitize, index), started by the core.
  build({
    ...node,
    entryPoints: ['electron/core/content/folderWorker.ts'],
    outfile: 'dist/workers/folderLoad.mjs',
    format: 'esm',
  }),
  // Electron's main process, and the core's own process (a utilityProcess main starts from coreProcess.cjs
  // beside main.cjs). import.meta.url in CommonJS: the bundle's own file URL (the core finds package files with it).
  ...[
    ['electron/main/main.ts', 'dist/electron/main.cjs'],
    ['electron/main/coreProcess.ts', 'dist/electron/coreProcess.cjs'],
  ].map(([entry, outfile]) =>
    build({
      ...node,
      entryPoints: [entry],
      outfile,
      format: 'cjs',
      external: ['electron'],
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ),
  // A sandboxed preload can require only 'electron': everything else is bundled in.
  build({
    ...node,
    packages: undefined,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
execFileSync(process.execPath, ['dist/tools/buildLibrary.mjs'], { stdio: 'inherit' });
stampBuild();

// npx finds commands in node_modules/.bin, where npm links dependencies' bins but not the
// project's own: link it, so `npx seller-kb …` works right after `npm ci`.
const ownBin = 'node_modules/.bin/seller-kb';
if (process.platform !== 'win32' && existsSync('node_modules/.bin')) {
  rmSync(ownBin, { force: true });
  symlinkSync('../../scripts/bin/seller-kb.mjs', ownBin);
}
