import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { installFavicon } from './app/favicon.js';
import { applyAppearance } from './settings/appearance.js';
// Chinese renders on any machine: Noto Sans SC, in unicode-range subsets the app serves itself.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/search.css';
import './styles/article.css';
import './styles/pages.css';
import './styles/cases.css';
import './styles/caseFile.css';
import './styles/print.css';

applyAppearance();
installFavicon();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
