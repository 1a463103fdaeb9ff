import type { MouseEvent } from 'react';
import { decodeUriSafely } from '../../../electron/common/uri.js';
import { isDesktop } from '../api/index.js';
import { navigate, paths } from './router.js';

/**
 * Opens an http(s) or mailto link outside the app: the desktop shell hands it to the system through
 * its allow-list. In a browser a mailto link is followed in place, which opens only the mail client
 * (a new window would stay blank).
 */
export function openExternal(href: string): void {
  if (!isDesktop && /^mailto:/i.test(href)) window.location.assign(href);
  else window.open(href, '_blank', 'noopener');
}

/**
 * Clicks on links inside rendered Markdown (articles, note previews): article links move in-app,
 * external links open outside, and "#heading" links scroll (the URL hash belongs to the router).
 */
export function handleRenderedLinkClick(event: MouseEvent<HTMLElement>): void {
  const link = (event.target as Element).closest('a');
  if (!link || !event.currentTarget.contains(link)) return;
  const href = link.getAttribute('href') ?? '';
  if (link.dataset.article) {
    event.preventDefault();
    navigate(paths.article(link.dataset.article));
  } else if (link.dataset.external === 'true') {
    event.preventDefault();
    openExternal(href);
  } else if (!href.startsWith('#/')) {
    event.preventDefault();
    if (href.startsWith('#'))
      document.getElementById(decodeUriSafely(href.slice(1)))?.scrollIntoView({ block: 'start' });
  }
}
