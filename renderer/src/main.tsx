import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasAccess } from './api/index.js';
import { App } from './app/App.js';
import { NoAccessPage } from './app/NoAccessPage.js';
import { installFavicon } from './app/favicon.js';
import { applyAppearance } from './settings/appearance.js';
import { loadPreferences } from './settings/preferenceStores.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/search.css';
import './styles/article.css';
import './styles/pages.css';
import './styles/cases.css';
import './styles/narrow.css';
import './styles/print.css';

installFavicon();

// The core's preferences first (a new web origin has no cache), so the first paint is in the right language.
const access = hasAccess && (await loadPreferences());
applyAppearance();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StrictMode>{access ? <App /> : <NoAccessPage />}</StrictMode>);
}
