import { useT } from '../i18n/useT.js';
import { HeaderSearch } from '../search/HeaderSearch.js';
import { paths } from '../services/router.js';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

interface HeaderProps {
  onOpenPalette: () => void;
  menuOpen: boolean;
  onToggleMenu: () => void;
}

/** The top bar: the menu button (narrow windows), the app's name (home) and the search box. */
export function Header({ onOpenPalette, menuOpen, onToggleMenu }: HeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <button
        type="button"
        className="button-icon menu-button"
        data-testid="menu-button"
        aria-expanded={menuOpen}
        aria-controls="sidebar"
        aria-label={menuOpen ? t.layout.closeMenu : t.layout.menu}
        onClick={onToggleMenu}
      >
        <span aria-hidden="true">{menuOpen ? '×' : '☰'}</span>
      </button>
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
