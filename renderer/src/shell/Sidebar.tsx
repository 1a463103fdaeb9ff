import type { Category } from '../../../electron/common/index.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { useLibrary } from '../services/library.js';
import { paths, useRoute, type Route } from '../services/router.js';

interface NavLinkProps {
  href: string;
  active: boolean;
  label: string;
  count?: number;
}

function NavLink({ href, active, label, count }: NavLinkProps) {
  return (
    <li>
      <a href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
        <span>{label}</span>
        {count !== undefined && <span className="nav-count">{count}</span>}
      </a>
    </li>
  );
}

function isCategory(route: Route, category: Category): boolean {
  return route.name === 'category' && route.category === category;
}

/** The sidebar: library categories, then the notebook and the app's own pages; in a narrow window, shown by the menu button. */
export function Sidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const route = useRoute();
  const { info } = useLibrary();
  const lang = usePreferredArticleLang();
  const categories = (info?.categories ?? []).filter((entry) => entry.count > 0);
  return (
    <nav
      id="sidebar"
      className={open ? 'sidebar is-open' : 'sidebar'}
      aria-label={t.nav.label}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) onClose();
      }}
    >
      <ul className="nav-list">
        <NavLink href={paths.home()} active={route.name === 'home'} label={t.nav.home} />
      </ul>
      <h2 className="nav-heading" id="nav-library">
        {t.nav.library}
      </h2>
      <ul className="nav-list" aria-labelledby="nav-library">
        {categories.map(({ category, count, byLang }) => (
          <NavLink
            key={category}
            href={paths.category(category)}
            active={isCategory(route, category)}
            label={t.category[category]}
            count={byLang?.[lang] ?? count}
          />
        ))}
        <NavLink href={paths.contacts()} active={route.name === 'contacts'} label={t.nav.contacts} />
      </ul>
      <h2 className="nav-heading" id="nav-workspace">
        {t.nav.workspace}
      </h2>
      <ul className="nav-list" aria-labelledby="nav-workspace">
        <NavLink href={paths.cases()} active={route.name === 'cases' || route.name === 'case'} label={t.nav.notebook} />
        <NavLink href={paths.trash()} active={route.name === 'trash'} label={t.nav.trash} />
        <NavLink href={paths.settings()} active={route.name === 'settings'} label={t.nav.settings} />
      </ul>
    </nav>
  );
}
