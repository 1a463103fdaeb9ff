import { isDesktop, kb } from '../api/index.js';
import { pageKey, paths, useRoute } from '../services/router.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';
import { useNotebookSecurity } from '../services/notebookSecurity.js';
import { useDueEvents } from '../services/pushEvents.js';

/** In web mode (no system notifications), a banner while deadlines are due today or overdue. */
export function ReminderBanner() {
  const { security } = useNotebookSecurity();
  if (isDesktop || !security || security.locked) return null;
  return <DueBanner />;
}

function DueBanner() {
  const t = useT();
  // Looked at again on every page change, so a case just made or changed counts at once.
  // And whenever the core says a deadline fell due (push events).
  const page = pageKey(useRoute());
  const dueEvents = useDueEvents();
  const due = useLoad(() => kb.listDueDeadlines({ withinDays: 0 }), [page, dueEvents]);
  const count = due.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <div className="reminder-banner" role="status" data-testid="reminder-banner">
      {t.caseFile.banner(count)} <a href={paths.home()}>{t.caseFile.bannerLink}</a>
    </div>
  );
}
