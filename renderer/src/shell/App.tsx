import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.js';
import { CommandPalette } from '../search/CommandPalette.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Header } from './Header.js';
import { ReminderBanner } from '../caseFile/ReminderBanner.js';
import { ErrorBanner, Toasts } from './NoticeArea.js';
import { RouteView } from './RouteView.js';
import { pageKey, useRoute } from '../services/router.js';
import { Sidebar } from './Sidebar.js';
import { usePushEvents } from '../services/pushEvents.js';
import { usePaletteShortcut } from './usePaletteShortcut.js';

/** The whole window: header, sidebar, the reading pane, and the overlays. */
export function App() {
  const t = useT();
  const route = useRoute();
  const key = pageKey(route);
  const main = useRef<HTMLElement>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Where focus was when the palette opened: it goes back there when the palette closes (Esc, ×,
  // a click outside) — unless opening a result moved to another page, which takes focus itself.
  const focusBefore = useRef<HTMLElement | null>(null);
  const openPalette = useCallback(() => {
    focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPaletteOpen(true);
  }, []);
  const togglePalette = useCallback(
    () => (paletteOpen ? setPaletteOpen(false) : openPalette()),
    [paletteOpen, openPalette],
  );
  const closePalette = useCallback(() => setPaletteOpen(false), []);
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => {
    setMenuOpen(false);
    document.querySelector<HTMLElement>('[data-testid="menu-button"]')?.focus();
  }, []);
  usePaletteShortcut(togglePalette);
  usePushEvents();
  useEffect(() => {
    if (paletteOpen) return;
    const target = focusBefore.current;
    focusBefore.current = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }, [paletteOpen]);

  // A new page starts at its top, and focus moves to it (not on first load).
  const firstPage = useRef(true);
  useEffect(() => {
    setMenuOpen(false);
    window.scrollTo({ top: 0, behavior: 'instant' });
    if (firstPage.current) firstPage.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [key]);

  return (
    <>
      <div className="app-shell" inert={paletteOpen}>
        <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
          {t.nav.skipToContent}
        </button>
        <Header onOpenPalette={openPalette} menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
        <Sidebar open={menuOpen} onClose={closeMenu} />
        <div className="content-column">
          {/* Just before the page in tab order: Shift+Tab from the page reaches an Undo at once. */}
          <Toasts />
          <ErrorBanner />
          <ReminderBanner />
          <main ref={main} id="main" className="reading-pane" tabIndex={-1}>
            <ErrorBoundary key={key} t={t}>
              <RouteView route={route} />
            </ErrorBoundary>
          </main>
        </div>
      </div>
      {paletteOpen && <CommandPalette onClose={closePalette} />}
    </>
  );
}
