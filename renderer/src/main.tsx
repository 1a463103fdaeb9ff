import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasAccess, isDesktop } from './api/index.js';
import { App } from './shell/App.js';
import { NoAccessPage } from './shell/NoAccessPage.js';
import { installFavicon } from './services/favicon.js';
import { applyAppearance } from './settings/appearance.js';
// Chinese renders on any machine: Noto Sans SC, in unicode-range subsets the app serves itself.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { loadPreferences } from './settings/preferenceStores.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/search.css';
import './styles/article.css';
import './styles/pages.css';
import './styles/cases.css';
import './styles/caseFile.css';
import './styles/narrow.css';
import './styles/print.css';

installFavicon();

// Web mode: the core's preferences first (each launch is a new origin, with no cache), so the first
// paint is in the right language; the bridge starts only once the core is open, so this is quick.
// The desktop app paints at once from its cache while the core is still loading, then takes them.
let access = true;
if (isDesktop) void loadPreferences();
else access = (await hasAccess) && (await loadPreferences());
applyAppearance();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StrictMode>{access ? <App /> : <NoAccessPage />}</StrictMode>);
}
