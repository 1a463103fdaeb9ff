/** Opens an http(s) or mailto link outside the app: the desktop shell hands it to the system through its allow-list. */
export function openExternal(href: string): void {
  window.open(href, '_blank', 'noopener');
}
