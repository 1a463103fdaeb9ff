import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.js';
import { CommandPalette } from '../search/CommandPalette.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Header } from './Header.js';
import { ErrorBanner, Toasts } from './NoticeArea.js';
import { RouteView, pageKey } from './RouteView.js';
import { useRoute } from './router.js';
import { Sidebar } from './Sidebar.js';
import { usePaletteShortcut } from './usePaletteShortcut.js';

/** The whole window: header, sidebar, the reading pane, and the overlays. */
export function App() {
  const t = useT();
  const route = useRoute();
  const key = pageKey(route);
  const main = useRef<HTMLElement>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const togglePalette = useCallback(() => setPaletteOpen((open) => !open), []);
  const closePalette = useCallback(() => setPaletteOpen(false), []);
  usePaletteShortcut(togglePalette);

  // A new page starts at its top, and focus moves to it (not on first load).
  const firstPage = useRef(true);
  useEffect(() => {
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
        <Header onOpenPalette={() => setPaletteOpen(true)} />
        <Sidebar />
        <div className="content-column">
          {/* Just before the page in tab order: Shift+Tab from the page reaches an Undo at once. */}
          <Toasts />
          <ErrorBanner />
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
