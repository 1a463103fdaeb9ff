import { ArticlePage } from '../article/ArticlePage.js';
import { CasePage } from '../cases/CasePage.js';
import { CasesPage } from '../cases/CasesPage.js';
import { TrashPage } from '../cases/TrashPage.js';
import { ContactsPage } from '../contacts/ContactsPage.js';
import { HomePage } from '../home/HomePage.js';
import { CategoryPage } from '../library/CategoryPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { NotebookGate } from '../privacy/NotebookGate.js';
import { NotFoundPage } from './NotFoundPage.js';
import type { Route } from '../services/router.js';

/** The page for a route; each page is keyed so that a new route starts fresh. */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} />;
    case 'category':
      return <CategoryPage key={route.category} category={route.category} />;
    case 'contacts':
      return <ContactsPage />;
    case 'cases':
      return (
        <NotebookGate>
          <CasesPage />
        </NotebookGate>
      );
    case 'case':
      return (
        <NotebookGate>
          <CasePage key={route.id} id={route.id} noteId={route.noteId} />
        </NotebookGate>
      );
    case 'trash':
      return (
        <NotebookGate>
          <TrashPage />
        </NotebookGate>
      );
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
