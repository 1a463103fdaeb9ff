import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../electron/main/externalLinks.js';

describe('the open-external allow-list', () => {
  it.each([
    'https://sellercentral.amazon.com/help',
    'mailto:notice@amazon.co.uk',
    'mailto:seller-performance@amazon.com?subject=POA',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://sellercentral.amazon.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@evil.example',
    'https://evil.example\\@good.example',
    'https://exa mple.com',
    'https://example.com/\u0000',
    ' https://example.com',
    'mailto:not-an-address',
    'https://',
    '',
    'x'.repeat(3000),
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl({ toString: () => 'https://a.example' })).toBe(false);
  });

  it('calls the opener only for allowed URLs', async () => {
    const open = vi.fn(async () => undefined);
    expect(await openExternalSafely('file:///etc/passwd', open)).toBe(false);
    expect(await openExternalSafely('https://amazon.com', open)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://amazon.com');
  });
});
