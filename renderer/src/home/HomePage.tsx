import { paths } from '../services/router.js';
import { NotebookGate } from '../privacy/NotebookGate.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang } from '../settings/preferences.js';
import { NoticePaste } from '../caseFile/NoticePaste.js';
import { DueList } from './DueList.js';
import { ReadingLists } from './ReadingLists.js';

/** "My account was suspended: what now?" — the route through the library, then what is due. */
export function HomePage() {
  const t = useT();
  const lang = usePreferredArticleLang();
  const keyPaths = [
    { href: paths.category('causes'), title: t.home.pathCauses, hint: t.home.pathCausesHint },
    { href: paths.article(`poa-structure-${lang}`), title: t.home.pathPoa, hint: t.home.pathPoaHint },
    { href: paths.article(`amazon-teams-overview-${lang}`), title: t.home.pathTeams, hint: t.home.pathTeamsHint },
    { href: paths.article(`funds-after-suspension-${lang}`), title: t.home.pathFunds, hint: t.home.pathFundsHint },
    { href: paths.article(`fba-removal-order-${lang}`), title: t.home.pathFba, hint: t.home.pathFbaHint },
  ];
  return (
    <div className="page home-page">
      <section className="home-hero" aria-labelledby="home-title">
        <h1 id="home-title">{t.home.title}</h1>
        <p className="lead">{t.home.intro}</p>
        <a className="start-card" href={paths.article(`start-here-${lang}`)}>
          <span className="start-card-title">{t.home.startHere} →</span>
          <span className="start-card-hint">{t.home.startHereHint}</span>
        </a>
      </section>
      <section aria-labelledby="home-paths">
        <h2 id="home-paths">{t.home.paths}</h2>
        <ol className="path-grid">
          {keyPaths.map((path, index) => (
            <li key={path.href}>
              <a className="path-card" href={path.href}>
                <span className="path-step" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="path-title">{path.title}</span>
                <span className="path-hint">{path.hint}</span>
              </a>
            </li>
          ))}
        </ol>
      </section>
      <NotebookGate
        whileLocked={
          <p className="muted" data-testid="notebook-locked">
            {t.privacy.lockedNotice} <a href={paths.cases()}>{t.privacy.unlockLink}</a>
          </p>
        }
      >
        <DueList />
        <NoticePaste id="home-notice" />
      </NotebookGate>
      <ReadingLists />
    </div>
  );
}
