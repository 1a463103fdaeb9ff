import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';

const render = (markdown: string) => renderMarkdown(markdown, nodeSanitizer());

describe('the Markdown renderer', () => {
  it('turns a marked ordered list into a checklist with numbered steps', () => {
    const result = render(
      '## 步骤\n\n<!-- checklist: removal-order -->\n\n1. Inventory\n2. Create removal order\n\nA paragraph.\n\n1. not a checklist',
    );
    expect(result.checklists).toEqual([{ name: 'removal-order', steps: ['Inventory', 'Create removal order'] }]);
    expect(result.html).toContain('<ol class="checklist" data-checklist="removal-order">');
    expect(result.html).toContain('<li data-step="1">');
    expect(result.html.match(/data-checklist/g)?.length).toBe(1);
  });

  it('gives headings unique anchors for the table of contents, CJK included', () => {
    const result = render('## 申诉 后\n\n## 申诉 后\n\n### Tips');
    expect(result.headings.map((heading) => heading.slug)).toEqual(['h-申诉-后', 'h-申诉-后-2', 'h-tips']);
  });

  it('turns article: links into in-app routes and marks external links', () => {
    const { html } = render(
      '[a](article:fba-removal-order-en) [b](https://sellercentral.amazon.com) [c](mailto:notice@amazon.co.uk)',
    );
    expect(html).toContain('href="#/article/fba-removal-order-en" data-article="fba-removal-order-en"');
    expect(html).toMatch(/href="https:\/\/sellercentral\.amazon\.com"[^>]*data-external="true"/);
    expect(html).toMatch(/href="mailto:notice@amazon\.co\.uk"/);
  });

  it('keeps a letter template as copyable text', () => {
    expect(render('```letter\nDear {{store_name}} <b>\n```').html).toContain(
      '<pre class="letter" data-copy="letter"><code>Dear {{store_name}} &lt;b&gt;',
    );
  });

  it('removes scripts, event handlers, javascript: and data: links, and remote images', () => {
    const { html } = render(
      '<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,<script>alert(1)</script>) ![t](https://tracker.example/p.png) <iframe src="https://evil"></iframe> <a href="vbscript:x">v</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|tracker\.example|<iframe|vbscript/i);
  });

  it('keeps inline raster data: images but not SVG ones', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(render(`![ok](${png})`).html).toContain(png);
    expect(render('![no](data:image/svg+xml;base64,PHN2Zz4=)').html).not.toContain('data:image/svg');
  });

  it('refuses Markdown over the size limit with a clear error', () => {
    expect(() => render('x'.repeat(2_000_001))).toThrow(/more than the 2000000 allowed/);
  });
});
