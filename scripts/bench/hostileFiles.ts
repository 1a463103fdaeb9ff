/**
 * `npx tsx scripts/bench/hostileFiles.ts`: how long one user-folder file holds the core, for
 * pathological Markdown of growing size (issue 13). The work should grow with the size (×4 size,
 * about ×4 time at most) and stop growing past the 200,000-character cap. Timings only; the bounds
 * themselves are asserted structurally in tests/hardening/pathologicalMarkdown.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../electron/core/content/articleFiles.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { HOSTILE_SHAPES } from './hostileShapes.js';

const folder = mkdtempSync(join(tmpdir(), 'seller-kb-bench-hostile-'));
const sanitize = nodeSanitizer();
sanitize('<p>warm</p>');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  console.log('shape                     chars       ms (median of 3)');
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    for (const lines of [10, 40, 160]) {
      const file = join(folder, 'file.md');
      const text = make(lines);
      writeFileSync(file, text);
      const times = [0, 1, 2].map(() => {
        const started = performance.now();
        readArticleFile(file, sanitize, { displayPath: 'file.md', userFolder: folder });
        return performance.now() - started;
      });
      console.log(`${name.padEnd(24)} ${String(text.length).padStart(9)} ${median(times).toFixed(1).padStart(10)}`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
