/**
 * A user folder of generated articles added through the real core: how long adding takes, the
 * longest the core's thread was busy at once meanwhile (so how long a search asked then waits), and
 * a restart, which reads the folder back from the cache.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/createCore.js';
import { findAppRoot, prebuiltLibraryPath } from '../../electron/core/paths.js';
import { generateCorpus } from './corpus.js';
import { round } from './measure.js';

export interface FolderRow {
  files: number;
  addMs: number;
  longestBlockMs: number;
  restartMs: number;
}

/** The longest gap between ticks of a 1 ms timer while `work` runs. */
async function longestBlock(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

export async function measureUserFolder(files: number): Promise<FolderRow> {
  const root = mkdtempSync(join(tmpdir(), 'seller-kb-bench-folder-'));
  const folder = join(root, 'folder');
  mkdirSync(folder);
  for (const doc of generateCorpus(files, 3)) writeFileSync(join(folder, `${doc.id}.md`), `# ${doc.title}\n\n${doc.summary}\n\n${doc.body}\n`);
  const appRoot = findAppRoot(process.cwd());
  // The worker bundle, as the app ships it (npm run bench builds first).
  const open = () => createCore({ appRoot, dataDir: join(root, 'data'), prebuiltPath: prebuiltLibraryPath(appRoot), workerScripts: 'bundle' });
  try {
    const core = await open();
    const started = performance.now();
    const longestBlockMs = await longestBlock(async () => {
      await core.addUserFolder({ path: folder });
    });
    const addMs = performance.now() - started;
    core.close();
    const restarted = performance.now();
    const again = await open();
    const restartMs = performance.now() - restarted;
    again.close();
    return { files, addMs: round(addMs, 0), longestBlockMs: round(longestBlockMs, 1), restartMs: round(restartMs, 0) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
