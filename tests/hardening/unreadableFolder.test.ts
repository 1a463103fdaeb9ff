import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFolder } from '../../electron/core/content/articleFiles.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const NOBODY = 65534;

/** A user folder with a readable note, a subfolder holding one more, and links that lead nowhere or in circles. */
function userFolder(): { root: string; locked: string } {
  const root = tempDir();
  chmodSync(root, 0o755);
  writeFileSync(join(root, 'kept.md'), '# Kept\n\nStill loads.');
  const locked = join(root, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'hidden.md'), '# Hidden');
  symlinkSync(join(root, 'nowhere'), join(root, 'dangling.md'));
  symlinkSync(root, join(root, 'loop'));
  return { root, locked };
}

/** Runs `work` unable to read what mode 000 protects: as nobody when this process is root (root reads everything). */
function asUnprivileged<T>(work: () => T): T {
  const root = process.geteuid?.() === 0;
  if (root) process.seteuid!(NOBODY);
  try {
    return work();
  } finally {
    if (root) process.seteuid!(0);
  }
}

describe('a user folder with a subfolder that cannot be read', () => {
  it('skips the subfolder, lists it as a problem and loads the rest (a failing listing injected)', async () => {
    const { root, locked } = userFolder();
    const failure = Object.assign(new Error(`EIO: i/o error, scandir '${locked}'`), {
      code: 'EIO',
      syscall: 'scandir',
    });
    const { readdirSync } = await import('node:fs');
    const loaded = loadArticleFolder(root, nodeSanitizer(), {
      displayRoot: root,
      userFolder: root,
      readFolder: (dir) => {
        if (dir === locked) throw failure;
        return readdirSync(dir, { withFileTypes: true });
      },
    });
    expect(loaded.articles.map((article) => article.title)).toEqual(['Kept']);
    expect(loaded.problems).toEqual([{ path: 'locked/', message: 'folder skipped: it cannot be read (EIO)' }]);
  });

  it('skips a subfolder of mode 000 for real, and links that dangle or loop', () => {
    const { root, locked } = userFolder();
    chmodSync(locked, 0o000);
    try {
      const loaded = asUnprivileged(() =>
        loadArticleFolder(root, nodeSanitizer(), { displayRoot: root, userFolder: root }),
      );
      expect(loaded.articles.map((article) => article.title)).toEqual(['Kept']);
      expect(loaded.problems).toEqual([{ path: 'locked/', message: 'folder skipped: it cannot be read (EACCES)' }]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
