import { useT } from '../i18n/useT.js';
import { paths } from '../services/router.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t.common.notFound}</h1>
      <p>
        <a href={paths.home()}>{t.common.goHome}</a>
      </p>
    </div>
  );
}
