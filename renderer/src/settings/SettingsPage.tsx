import { useT } from '../i18n/useT.js';
import { AppearanceSettings } from './AppearanceSettings.js';
import { BackupSettings } from './BackupSettings.js';
import { FolderSettings } from './FolderSettings.js';
import { LibraryProblems } from './LibraryProblems.js';
import { PrivacySettings } from './PrivacySettings.js';
import { ReminderSettings } from '../caseFile/ReminderSettings.js';

export function SettingsPage() {
  const t = useT();
  return (
    <div className="page settings-page">
      <h1>{t.settings.title}</h1>
      <AppearanceSettings />
      <FolderSettings />
      <BackupSettings />
      <PrivacySettings />
      <ReminderSettings />
      <LibraryProblems />
    </div>
  );
}
