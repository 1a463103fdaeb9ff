import { useT } from '../i18n/useT.js';
import { HeaderSearch } from '../search/HeaderSearch.js';
import { paths } from './router.js';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The top bar: the app's name (home) and the search box. */
export function Header({ onOpenPalette }: { onOpenPalette: () => void }) {
  const t = useT();
  return (
    <header className="app-header">
      <a className="app-name" href={paths.home()}>
        <span className="app-logo" aria-hidden="true">
          KB
        </span>
        <span className="app-name-text">{t.appName}</span>
      </a>
      <HeaderSearch />
      <button type="button" className="button-quiet palette-button" onClick={onOpenPalette}>
        <span className="palette-label">{t.search.palette}</span> <kbd>{IS_MAC ? '⌘K' : 'Ctrl+K'}</kbd>
      </button>
    </header>
  );
}
