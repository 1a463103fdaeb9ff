import type { ActivityRecord } from '../../../electron/common/index.js';
import { formatInstant } from '../services/dates.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { activityDetail } from './activityDetail.js';

/** What happened to the case, newest first. */
export function CaseTimeline({ activity }: { activity: ActivityRecord[] }) {
  const t = useT();
  const ui = useUiLang();
  return (
    <section className="card case-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.cases.timeline}</h2>
      {activity.length === 0 ? (
        <p className="muted">{t.cases.timelineEmpty}</p>
      ) : (
        <ol className="timeline">
          {activity.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatInstant(entry.at, ui)}</time>
              <span className="timeline-kind">{t.activity[entry.kind]}</span>
              {entry.detail && <span className="timeline-detail">{activityDetail(entry, ui)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
