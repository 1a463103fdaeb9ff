// Whether dist/ was built from the sources as they are now. `npm start` and `seller-kb` build again
// when a source changed since (a `git pull` without `npm install`, an edit), instead of running old code.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written by the build when it has finished; its time is the build's. */
export const BUILD_STAMP = 'dist/build-stamp';
/** What the build reads: a change to any file below these makes dist/ out of date. */
const SOURCES = [
  'electron',
  'renderer',
  'content',
  'scripts/build.mjs',
  'scripts/buildLibrary.ts',
  'package.json',
  'vite.config.ts',
];

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a removed file changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true }))
    if (entry.name !== 'node_modules') newest = Math.max(newest, newestChange(join(path, entry.name)));
  return newest;
}

/**
 * Why the build in `appDir` must be made again, or null when it is current. An app without its
 * sources (installed, packaged) has nothing to compare: only its built files must be there.
 */
export function whyRebuild(appDir) {
  if (!existsSync(join(appDir, 'dist/electron/main.cjs'))) return 'it has not been built yet';
  if (!existsSync(join(appDir, 'electron'))) return null;
  const sources = SOURCES.map((source) => join(appDir, source)).filter((source) => existsSync(source));
  const stamp = join(appDir, BUILD_STAMP);
  if (!existsSync(stamp)) return 'its last build did not finish';
  const built = statSync(stamp).mtimeMs;
  const changed = sources.find((source) => newestChange(source) > built);
  return changed ? `${changed.slice(appDir.length + 1)} changed since the last build` : null;
}

/** Marks the build in the current folder finished. */
export function stampBuild() {
  writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
}

/** Builds again when whyRebuild says so, saying why on `log`. */
export async function buildIfStale(appDir, log) {
  const reason = whyRebuild(appDir);
  if (!reason) return;
  log(`Seller KB: building the app first (${reason})…`);
  await import('./build.mjs');
}
