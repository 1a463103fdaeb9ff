import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { applyAppearance } from './settings/appearance.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/search.css';
import './styles/article.css';
import './styles/pages.css';
import './styles/cases.css';
import './styles/print.css';

applyAppearance();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
