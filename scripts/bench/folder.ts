/**
 * A user folder of generated articles added through the real core: how long adding takes, the
 * longest the core's thread was busy at once meanwhile (so how long a search asked then waits), and
 * a restart, which reads the folder back from the cache. Also: what one pathological file costs to
 * read, and a folder holding one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../electron/core/content/articleFiles.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { createCore } from '../../electron/core/createCore.js';
import { findAppRoot, prebuiltLibraryPath } from '../../electron/core/paths.js';
import { generateCorpus } from './corpus.js';
import { HOSTILE_SHAPES } from './hostileShapes.js';
import { round } from './measure.js';

export interface FolderRow {
  files: number;
  /** A pathological file among them (the worst shape of HOSTILE_SHAPES at the size cap). */
  pathological: boolean;
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

/** The hostile shape that costs most at about 200,000 characters (the render cap), and its text. */
function worstShape(): { name: string; text: string; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'seller-kb-bench-shape-'));
  const sanitize = nodeSanitizer();
  sanitize('<p>warm</p>');
  try {
    const measured = Object.entries(HOSTILE_SHAPES).map(([name, make]) => {
      const text = make(40);
      const file = join(dir, 'file.md');
      writeFileSync(file, text);
      const times = [0, 1, 2].map(() => {
        const started = performance.now();
        readArticleFile(file, sanitize, { displayPath: 'file.md', userFolder: dir });
        return performance.now() - started;
      });
      return { name, text, ms: [...times].sort((a, b) => a - b)[1]! };
    });
    return measured.sort((a, b) => b.ms - a.ms)[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the worst pathological file costs to read (parse, render, sanitize, plain text), median of 3. */
export function measurePathologicalFile(): { shape: string; chars: number; ms: number } {
  const worst = worstShape();
  return { shape: worst.name, chars: worst.text.length, ms: round(worst.ms, 1) };
}

export async function measureUserFolder(files: number, pathological = false): Promise<FolderRow> {
  const root = mkdtempSync(join(tmpdir(), 'seller-kb-bench-folder-'));
  const folder = join(root, 'folder');
  mkdirSync(folder);
  for (const doc of generateCorpus(files, 3))
    writeFileSync(join(folder, `${doc.id}.md`), `# ${doc.title}\n\n${doc.summary}\n\n${doc.body}\n`);
  if (pathological) writeFileSync(join(folder, 'pathological.md'), worstShape().text);
  const appRoot = findAppRoot(process.cwd());
  // The worker bundle, as the app ships it (from npm run build).
  const open = () =>
    createCore({
      appRoot,
      dataDir: join(root, 'data'),
      prebuiltPath: prebuiltLibraryPath(appRoot),
      workerScripts: 'bundle',
    });
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
    return {
      files: files + (pathological ? 1 : 0),
      pathological,
      addMs: round(addMs, 0),
      longestBlockMs: round(longestBlockMs, 1),
      restartMs: round(restartMs, 0),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
