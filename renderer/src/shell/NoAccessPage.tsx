import { useT } from '../i18n/useT.js';

/** Web mode opened without this launch's link: how to open the app, instead of an empty library. */
export function NoAccessPage() {
  const t = useT();
  const a = t.access;
  return (
    <main id="main" className="no-access" data-testid="no-access">
      <div className="page card">
        <h1>{a.title}</h1>
        <p className="lead">{a.intro}</p>
        <ol>
          <li>{a.step1}</li>
          <li>{a.step2}</li>
          <li>
            {a.step3} <code>{a.command}</code>
          </li>
        </ol>
        <p className="muted">{a.privacy}</p>
      </div>
    </main>
  );
}
