import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  boundForParsing,
  leadingPart,
  MAX_EMPHASIS_MARKS_PER_BLOCK,
  MAX_INDENT_COLUMNS,
  MAX_PARSED_LINE_CHARS,
  MAX_RENDERED_CHARS,
} from '../../electron/common/markdown/parseBounds.js';
import { renderMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { markdownToPlainText } from '../../electron/core/content/plainText.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** Text no person writes, each of a shape that once made some parser's work grow with its square. */
const PATHOLOGICAL: Record<string, (size: number) => string> = {
  'underscore runs': (size) => Array.from({ length: size }, () => '_a'.repeat(4_999)).join('\n'),
  'short lines of underscores': (size) => Array.from({ length: size * 50 }, () => '_a'.repeat(50)).join('\n'),
  'stars and tildes': (size) => Array.from({ length: size * 50 }, () => '*a~a'.repeat(25)).join('\n'),
  'unclosed comments': (size) => '<!--'.repeat(size * 2_500),
  'unclosed images': (size) => '!['.repeat(size * 5_000),
  'unclosed links': (size) => '[a]('.repeat(size * 2_500),
  'open brackets': (size) => '['.repeat(size * 10_000),
  'deep lists': (size) => Array.from({ length: size * 20 }, (_, depth) => `${' '.repeat(depth * 2)}- item`).join('\n'),
};

/** What the parser is given, block by block (runs of non-blank lines). */
function parserBlocks(markdown: string): string[][] {
  return boundForParsing(markdown)
    .markdown.split(/\n[ \t]*\n/)
    .map((block) => block.split('\n'));
}

describe('pathological Markdown', () => {
  it.each(Object.keys(PATHOLOGICAL))(
    '%s: the parser never gets a long line, a crowded block or a deep indent, at any size',
    (name) => {
      for (const size of [1, 4, 16]) {
        for (const block of parserBlocks(PATHOLOGICAL[name]!(size))) {
          const marks = block.join('').match(/[*_~]/g)?.length ?? 0;
          expect(marks, `${name} × ${size}`).toBeLessThanOrEqual(MAX_EMPHASIS_MARKS_PER_BLOCK);
          for (const line of block) {
            expect(line.length, `${name} × ${size}`).toBeLessThanOrEqual(MAX_PARSED_LINE_CHARS);
            expect(/^[ \t]*/.exec(line)![0].length).toBeLessThanOrEqual(MAX_INDENT_COLUMNS);
          }
        }
      }
    },
  );

  it('what is kept out of the parser is shown as the literal text it is', () => {
    const markdown = `# Title\n\n${'_a'.repeat(300)}\n\nAfter **bold**.`;
    const { html } = renderMarkdown(markdown, (text) => text);
    expect(html).toContain('<h1 id="h-title">Title</h1>');
    expect(html).toContain(`<p class="literal-text">${'_a'.repeat(300)}</p>`);
    expect(html).toContain('<strong>bold</strong>');
    expect(renderMarkdown('<b>x</b> ' + '*'.repeat(150), (text) => text).html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('ordinary articles are untouched by the bounds', () => {
    const article =
      '## Steps\n\n<!-- checklist: removal -->\n\n1. Open **Inventory**\n2. Choose _Create removal order_\n   - nested ~~old~~ item\n\n```\n' +
      '_'.repeat(5_000) +
      '\n```';
    expect(boundForParsing(article)).toEqual({ markdown: article, literals: [] });
  });

  it.each(Object.keys(PATHOLOGICAL))('%s: plain text for search is extracted from 16 times the text', (name) => {
    const text = markdownToPlainText(PATHOLOGICAL[name]!(16));
    expect(typeof text).toBe('string');
  });

  it(
    'the 199-line file of the attack test loads with its folder, next to an ordinary note',
    { timeout: 60_000 },
    async () => {
      const folder = tempDir();
      for (let copy = 0; copy < 4; copy++)
        writeFileSync(join(folder, `underscores-${copy}.md`), PATHOLOGICAL['underscore runs']!(199));
      writeFileSync(join(folder, 'ordinary.md'), '# Ordinary\n\nA note.');
      const core = await openTestCore(tempDir());
      try {
        const info = await core.addUserFolder({ path: folder });
        expect(info.userFolders[0]?.articleCount).toBe(5);
        expect((await core.search({ text: 'Ordinary' })).hits.some((hit) => hit.title === 'Ordinary')).toBe(true);
      } finally {
        core.close();
      }
    },
  );

  it('a file longer than the cap is shown and searched in part, and listed as a problem naming it', async () => {
    const folder = tempDir();
    const paragraph = 'Removal orders take time to process. '.repeat(20);
    const body = `# Long\n\nquagmireword first.\n\n${Array.from({ length: Math.ceil((MAX_RENDERED_CHARS * 2) / paragraph.length) }, () => paragraph).join('\n\n')}\n\nzebracrossingword at the very end.`;
    writeFileSync(join(folder, 'long.md'), body);
    const core = await openTestCore(tempDir());
    try {
      const folderInfo = (await core.addUserFolder({ path: folder })).userFolders[0]!;
      expect(folderInfo.articleCount).toBe(1);
      expect(folderInfo.problems).toEqual([
        {
          path: 'long.md',
          message: expect.stringMatching(
            /^shown in part: the file has [\d,]+ characters and only the first 200,000 are shown and searched/,
          ),
        },
      ]);
      expect((await core.search({ text: 'zebracrossingword' })).hits.filter((hit) => hit.title === 'Long')).toEqual([]);
      const hit = (await core.search({ text: 'quagmireword' })).hits.find((found) => found.title === 'Long')!;
      const article = await core.getArticle({ id: hit.id });
      expect(article.html).toContain('render-cap-notice');
      expect(article.html).not.toContain('zebracrossingword');
      expect(article.html.length).toBeLessThan(MAX_RENDERED_CHARS * 2);
    } finally {
      core.close();
    }
  });

  it('bounds any text made of Markdown syntax, and renders and extracts it without throwing', () => {
    const syntax = fc.string({
      unit: fc.constantFrom(
        '_',
        '*',
        '~',
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        '!',
        '`',
        '#',
        '-',
        '|',
        ' ',
        '  ',
        '\t',
        '\n',
        '\n\n',
        'a',
        '中',
        '<!--',
        '-->',
        '```',
        '1.',
        '&',
      ),
      maxLength: 400,
    });
    fc.assert(
      fc.property(syntax, fc.integer({ min: 1, max: 30 }), (unit, times) => {
        const markdown = unit.repeat(times);
        const bounded = boundForParsing(markdown);
        // Nothing is lost: every literal block is text of the input, and the parser's text holds the rest.
        for (const literal of bounded.literals) expect(markdown).toContain(literal);
        expect(() => renderMarkdown(markdown, (html) => html)).not.toThrow();
        expect(typeof markdownToPlainText(markdown)).toBe('string');
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('cuts a long text at a line break before the limit', () => {
    expect(leadingPart('short', 10)).toBeNull();
    expect(leadingPart('ab\ncd\nef', 6)).toBe('ab\ncd');
    expect(leadingPart('x'.repeat(20), 5)).toBe('xxxxx');
  });
});
