// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decodeUriSafely, mailtoAddress } from '../../electron/common/uri.js';
import { renderMarkdown } from '../../electron/common/markdown/renderMarkdown.js';
import { isAllowedExternalUrl } from '../../electron/main/externalLinks.js';
import { serveAppRequest } from '../../electron/main/appProtocol.js';
import { enhanceArticle } from '../../renderer/src/article/enhanceArticle.js';
import { parseRoute } from '../../renderer/src/services/router.js';

const MALFORMED = [
  '[x](mailto:%zz)',
  '<mailto:100%@example.com>',
  '<100%@example.com>',
  '[y](mailto:a%E0%A4%A@example.com?subject=%)',
];

describe('links with malformed percent escapes', () => {
  it.each(MALFORMED)('the article page enhances %s and offers the address as written', (markdown) => {
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown(markdown, (html) => html).html;
    const slots = enhanceArticle(root);
    expect(slots.emails).toHaveLength(1);
    expect(slots.emails[0]!.email).toBe(mailtoAddress(root.querySelector('a')!.getAttribute('href')!));
  });

  it('decodes what can be decoded and keeps the rest as written', () => {
    expect(decodeUriSafely('a%20b')).toBe('a b');
    expect(decodeUriSafely('100%')).toBe('100%');
    expect(mailtoAddress('mailto:seller%40example.com?subject=x')).toBe('seller@example.com');
    expect(mailtoAddress('mailto:%zz')).toBe('%zz');
  });

  it('the desktop shell judges a malformed mailto: without throwing', () => {
    expect(() => isAllowedExternalUrl('mailto:100%@example.com')).not.toThrow();
    expect(isAllowedExternalUrl('mailto:%zz')).toBe(false);
  });

  it('the app:// protocol answers a malformed path with 404, the router with not-found', async () => {
    expect((await serveAppRequest(process.cwd(), 'app://seller-kb/%zz')).status).toBe(404);
    expect(parseRoute('/article/%zz')).toEqual({ name: 'article', id: '%zz' });
  });
});
