import { isDesktop, kb } from '../api/index.js';
import { reportError } from '../services/notices.js';
import { useLoad } from '../services/useLoad.js';
import { useT } from '../i18n/useT.js';

/** Desktop only: keep running in the tray so reminders still arrive with the window closed. */
export function ReminderSettings() {
  const t = useT();
  const settings = useLoad(() => kb.getReminderSettings(), []);
  if (!isDesktop) return null;
  const change = async (keepInTray: boolean) => {
    try {
      settings.setData(await kb.setReminderSettings({ keepInTray }));
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <section className="card" aria-labelledby="settings-reminders">
      <h2 id="settings-reminders">{t.caseFile.remindersTitle}</h2>
      <p className="field-hint">{t.caseFile.remindersHint}</p>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="keep-in-tray"
          checked={settings.data?.keepInTray ?? false}
          disabled={!settings.data}
          onChange={(event) => void change(event.target.checked)}
        />{' '}
        {t.caseFile.keepInTray}
      </label>
    </section>
  );
}
