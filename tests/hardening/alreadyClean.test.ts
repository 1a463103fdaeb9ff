/**
 * Plain Markdown skips the sanitizer when its HTML is already clean (alreadyClean.ts). These tests
 * hold that shortcut to the sanitizer itself, on jsdom: whatever isAlreadyClean accepts comes out
 * of DOMPurify as the same document a parser reads from it, so skipping it changes nothing.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isAlreadyClean } from '../../electron/common/markdown/alreadyClean.js';
import { renderMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { createSanitizer } from '../../electron/common/markdown/sanitize.js';
import { XSS_VECTORS } from '../fixtures/xssVectors.js';

const window = new JSDOM('').window as unknown as Window & { DOMParser: typeof DOMParser };
const sanitize = createSanitizer(window as unknown as Parameters<typeof createSanitizer>[0]);
let sanitized = 0;
const countingSanitize = (html: string) => {
  sanitized++;
  return sanitize(html);
};

/** The HTML as a parser reads it and writes it back, with nothing removed. */
function reparsed(html: string): string {
  const document = new window.DOMParser().parseFromString(`<!DOCTYPE html><body><remove></remove>${html}`, 'text/html');
  document.body.firstChild!.remove();
  return document.body.innerHTML;
}

/**
 * Holds the claim for one piece of HTML: either it is not called clean, or the sanitizer leaves it
 * as it is — compared as parsed, since DOMPurify hands back text without "<" untouched.
 */
function expectCleanClaimHolds(html: string): void {
  if (isAlreadyClean(html)) expect(reparsed(sanitize(html)), html).toBe(reparsed(html));
}

const URLS = [
  'https://sellercentral.amazon.com/help?a=1&b=2',
  'https://x.example/p',
  'mailto:x@y.z',
  'foo:bar',
  'tel:123',
  'http://x.example/a b',
  'mailto:a@b.c',
  '#/article/x',
  'article:fba-removal-order-en',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript&#58;alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  '//evil.example/x.png',
  '\\\\evil\\x.png',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'data:text/html,<script>alert(1)</script>',
  'images/a.png',
  'a:b.png',
  ':x.png',
  'x.png"onerror="alert(1)',
  '\u3000https://x.example',
  'https://x.example/]>',
  'https://x.example/--!>',
  'vbscript:x',
  '',
];
const TEXTS = [
  'plain',
  '中文 申诉',
  '&copy; &amp; &lt;script&gt; &#x3c;b&#x3e; &#0; &#128;',
  '<b>bold</b>',
  '<kbd>Ctrl</kbd>',
  '<span title="a">x</span>',
  '<br>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">a</a>',
  '<!-- comment -->',
  '<!-- a -- b -->',
  '<!--> -->',
  '<script>alert(1)</script>',
  '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
  '<details open><summary>s</summary>d</details>',
  '-->',
  ']>',
  '"\'`=',
  '\u00a0 \u2028 \u0000',
  '*em* **strong** ~~del~~ `code <b>`',
  '\\<b\\>',
];

const markdownPiece = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.constantFrom(...XSS_VECTORS),
  fc
    .tuple(fc.constantFrom(...TEXTS), fc.constantFrom(...URLS), fc.constantFrom(...TEXTS, ''))
    .map(([text, url, title]) => `[${text}](<${url}> "${title.replace(/"/g, '')}")`),
  fc.tuple(fc.constantFrom(...TEXTS), fc.constantFrom(...URLS)).map(([text, url]) => `![${text}](<${url}>)`),
  fc.constantFrom(...URLS).map((url) => `<${url}>`),
  fc
    .tuple(fc.constantFrom('', 'js', 'a]&gt;', '"><b>', 'letter', '&copy'), fc.constantFrom(...TEXTS))
    .map(([lang, text]) => `\n\`\`\`${lang}\n${text}\n\`\`\`\n`),
  fc.constantFrom(...TEXTS).map((text) => `\n## ${text}\n`),
  fc.constantFrom(...TEXTS).map((text) => `\n| a | ${text} |\n|:--|--:|\n| ${text} | b |\n`),
  fc.constantFrom(...TEXTS).map((text) => `\n- [ ] ${text}\n- [x] done\n`),
  fc.constantFrom(...TEXTS).map((text) => `\n> ${text}\n`),
  fc.constantFrom('\n<!-- checklist: steps -->\n\n1. one\n2. two\n', '\n3. three\n', '\n***\n', '  \n'),
  fc.string({ unit: fc.constantFrom(...'<>&"\'`=/[]()!*_~#|-:\\ \nab中\u00a0'.split('')), maxLength: 30 }),
);
const markdown = fc.array(markdownPiece, { maxLength: 8 }).map((pieces) => pieces.join(' '));

const attributeValue = fc.oneof(
  fc.constantFrom(...URLS),
  fc.constantFrom('plain', 'noopener noreferrer', 'true', 'h-intro', 'language-js', '3', ' padded ', 'a&amp;b', 'a&b'),
  fc.string({ maxLength: 12 }),
);
/** Mostly tags and attributes the shortcut knows, so that many pieces pass it and the claim is tested often. */
const element = fc.tuple(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('a', 'img', 'p', 'h2', 'code', 'ol', 'td', 'span') },
    { weight: 1, arbitrary: fc.constantFrom('script', 'svg', 'input', 'A', 'iframe') },
  ),
  fc.array(
    fc.tuple(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.constantFrom(
            'href',
            'src',
            'title',
            'alt',
            'id',
            'class',
            'rel',
            'data-external',
            'data-x',
            'start',
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom('style', 'onclick', 'srcset', 'xlink:href') },
      ),
      attributeValue,
    ),
    { maxLength: 4 },
  ),
  fc.constantFrom('x', '', '<b>y</b>', '&lt;b&gt;'),
);
const htmlPiece = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...TEXTS) },
  {
    weight: 4,
    arbitrary: element.map(
      ([tag, attributes, inner]) =>
        `<${tag}${attributes.map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`).join('')}>${inner}</${tag}>`,
    ),
  },
);
const html = fc.array(htmlPiece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));

describe('skipping the sanitizer for HTML that is already clean', () => {
  it('never calls HTML clean that the sanitizer would change (rendered Markdown)', () => {
    fc.assert(
      fc.property(markdown, (source) => expectCleanClaimHolds(renderMarkdown(source, (raw) => raw).html)),
      { numRuns: 3000 },
    );
  });

  it('never calls HTML clean that the sanitizer would change (hand-made tags and attributes)', () => {
    fc.assert(fc.property(html, expectCleanClaimHolds), { numRuns: 5000 });
  });

  it('holds for every known XSS vector', () => {
    for (const vector of XSS_VECTORS) {
      expectCleanClaimHolds(vector);
      expectCleanClaimHolds(renderMarkdown(vector, (raw) => raw).html);
    }
  });

  it('lets plain Markdown skip the sanitizer, and sends raw HTML through it', () => {
    sanitized = 0;
    const plain = renderMarkdown(
      '# Appeal\n\n**Root cause**: [policy](https://sellercentral.amazon.com) and [guide](article:poa-guide).\n\n<!-- checklist: steps -->\n\n1. Write\n2. Send\n\n- [x] invoices\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```js\nx < 1 && y\n```\n\n![chart](images/chart.png "Sales")',
      countingSanitize,
    );
    expect(sanitized).toBe(0);
    expect(plain.html).toContain('rel="noopener noreferrer" data-external="true"');
    expect(plain.html).toContain('☑ invoices');
    expect(plain.html).toContain('<img src="images/chart.png" alt="chart" title="Sales">');
    expect(renderMarkdown('![**new** box](box.png)', countingSanitize).html).toContain('alt="new box"');
    expect(plain.html).not.toContain('<!--');
    renderMarkdown('Press <kbd onclick="x()">Ctrl</kbd>', countingSanitize);
    expect(sanitized).toBe(1);
  });

  it('drops unsafe links and images as the sanitizer would', () => {
    const { html: rendered } = renderMarkdown(
      '[a](javascript:alert(1)) ![b](https://tracker.example/p.png) ![c](data:image/svg+xml;base64,PHN2Zz4=)',
      countingSanitize,
    );
    expect(rendered).toBe('<p><a>a</a>  </p>\n');
  });
});
