import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { XSS_VECTORS } from '../fixtures/xssVectors.js';

const ALLOWED_URL = /^(https?:|mailto:|#|[^:]*$)/i;
const TEXT_ATTRIBUTE = /^(alt|title|class|id|lang|dir|rel|aria-.*|data-.*)$/;

/** Everything in the output that could run code or reach the network. */
function dangers(html: string): string[] {
  const { document } = new JSDOM(`<body>${html}</body>`).window as Window;
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'frame',
        'frameset',
        'object',
        'embed',
        'style',
        'link',
        'meta',
        'base',
        'form',
        'input',
        'svg',
        'math',
        'template',
        'video',
        'audio',
        'source',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'background' || name === 'dynsrc')
        found.push(`${tag}[${name}]`);
      // Browsers ignore control characters and spaces inside a URL's scheme.
      // eslint-disable-next-line no-control-regex
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '');
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
        if (!ALLOWED_URL.test(value)) found.push(`${tag}[${name}=${attribute.value}]`);
        if (tag === 'img' && /^https?:/i.test(value)) found.push(`remote image ${value}`);
      }
      // Any attribute but plain text ones may be a URL: none may reach outside the app (protocol-relative included).
      if (
        !TEXT_ATTRIBUTE.test(name) &&
        (/^[\\/]{2}/.test(value) ||
          (/^[a-z][a-z0-9+.-]*:/i.test(value) && !(name === 'href' && /^(https?|mailto):/i.test(value))))
      ) {
        found.push(`${tag}[${name}=${attribute.value}] leaves the app`);
      }
    }
  }
  return found;
}

describe('the sanitizing renderer against known XSS vectors', () => {
  it.each(XSS_VECTORS.map((vector, index) => [index + 1, vector]))('neutralises vector %i', (_index, vector) => {
    const { html } = renderMarkdown(vector as string, nodeSanitizer());
    expect(dangers(html)).toEqual([]);
  });

  it('keeps ordinary content intact', () => {
    const { html } = renderMarkdown(
      '**Bold** [Seller Central](https://sellercentral.amazon.com) `code` <kbd>Ctrl</kbd>',
      nodeSanitizer(),
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('href="https://sellercentral.amazon.com"');
    expect(html).toContain('<kbd>Ctrl</kbd>');
  });
});
