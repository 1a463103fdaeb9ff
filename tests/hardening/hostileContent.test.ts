import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFolder } from '../../electron/core/content/articleFiles.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** Pathological inputs for Markdown parsers: deep nesting and the shapes of marked's past ReDoS reports. */
const PATHOLOGICAL: Record<string, string> = {
  'deep-quotes': '>'.repeat(20_000) + ' x',
  'deep-lists': Array.from({ length: 3_000 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n'),
  'open-brackets': '['.repeat(100_000),
  'link-parens': '[a](' + '('.repeat(50_000),
  'emphasis-run': '*a'.repeat(50_000),
  underscores: '_'.repeat(100_000) + 'a',
  backticks: '`'.repeat(50_000) + 'a',
  'spaces-then-letter': 'a' + ' '.repeat(100_000) + 'b\n' + '\t'.repeat(50_000),
  'html-angles': '<'.repeat(100_000),
  'table-pipes': '|' + ' x |'.repeat(20_000) + '\n|' + '-|'.repeat(20_000),
  'heading-hashes': '#'.repeat(100_000),
  autolink: 'http://' + 'a.'.repeat(50_000),
};

describe('a folder of hostile files', () => {
  it(
    'reports each bad file clearly, bounds the time of each, and still loads the good one',
    { timeout: 120_000 },
    () => {
      const folder = tempDir();
      writeFileSync(join(folder, 'good.md'), '# Good\n\nA normal note about removal orders.');
      writeFileSync(join(folder, 'huge.md'), Buffer.alloc(50 * 1024 * 1024, 'a'));
      writeFileSync(join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      writeFileSync(join(folder, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      writeFileSync(join(folder, 'bad-front-matter.md'), '---\ntitle: [unclosed\n---\nbody');
      writeFileSync(
        join(folder, 'yaml-bomb.md'),
        '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\nbody',
      );
      for (const [name, text] of Object.entries(PATHOLOGICAL)) writeFileSync(join(folder, `${name}.md`), text);
      const started = performance.now();
      const { articles, problems } = loadArticleFolder(folder, nodeSanitizer(), {
        displayRoot: folder,
        userFolder: folder,
      });
      const elapsed = performance.now() - started;
      const byFile = Object.fromEntries(problems.map((problem) => [problem.path, problem.message]));
      expect(articles.map((article) => article.title)).toContain('Good');
      expect(byFile['huge.md']).toBe('the file is 50.0 MB; articles may be at most 5 MB');
      expect(byFile['binary.md']).toBe('not a text file (it contains NUL bytes)');
      expect(byFile['latin1.md']).toBe('not valid UTF-8 text');
      expect(byFile['bad-front-matter.md']).toMatch(/not valid YAML/);
      expect(byFile['yaml-bomb.md']).toMatch(/not valid YAML|aliases/i);
      for (const message of Object.values(byFile)) expect(message).not.toMatch(/\n\s+at /);
      // Every pathological file either renders or is refused with a reason; none hangs the load.
      expect(articles.length + problems.length).toBe(6 + Object.keys(PATHOLOGICAL).length);
      expect(elapsed).toBeLessThan(60_000);
    },
  );
});
