import { app, Menu, nativeImage, Notification, Tray } from 'electron';
import type { KbApi } from '../common/index.js';
import { pickReminders } from './reminderPicker.js';

/** The installer's appId: Windows shows notifications only for an app with an AppUserModelID. */
export const APP_USER_MODEL_ID = 'com.sellerkb.app';
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** build/icons/24x24.png, inline: build/ is not packaged. */
const TRAY_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAYAAADgdz34AAAASElEQVR4nGNgQAL8ZXn/qYEZ0AG1DMZpEU0toJXhcEtGLSDLgl+/vpOFB5cFhCwlRs+oD0a6D0YtwGsBNfEwsGDo18m0brYAAEguOdRVlY/JAAAAAElFTkSuQmCC';

type ReminderApi = Pick<KbApi, 'listDueDeadlines' | 'getReminderSettings' | 'setReminderSettings'>;

export interface DesktopReminderOptions {
  /** Shows the window (opening one if none is open) at `hash`, e.g. '#/cases/3'. */
  show: (hash: string) => void;
  quit: () => void;
  platform?: NodeJS.Platform;
  lang?: () => 'zh' | 'en';
  today?: () => string;
}

export interface DesktopReminders {
  /** Looks for due deadlines now and notifies about new ones; syncs the tray with the setting. */
  check(): Promise<void>;
  /** True while the tray icon is shown: closing the window does not quit the app then. */
  keepsRunning(): boolean;
  /** The same api, with a change of the tray setting applied at once. */
  watching<T extends ReminderApi>(api: T): T;
  stop(): void;
}

/**
 * Desktop reminders: a system notification for each deadline due today or overdue (once per
 * deadline and date), checked at start and hourly, and the opt-in tray icon. Electron's
 * Notification and Tray are reached only when needed.
 */
export function startDesktopReminders(api: ReminderApi, options: DesktopReminderOptions): DesktopReminders {
  if ((options.platform ?? process.platform) === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const shown = new Set<string>();
  const lang = options.lang ?? (() => (app.getLocale().startsWith('zh') ? 'zh' : 'en'));
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  let tray: Tray | null = null;

  const syncTray = (keepInTray: boolean) => {
    if (keepInTray && !tray) {
      tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON));
      tray.setToolTip('Seller KB');
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: lang() === 'zh' ? '打开 Seller KB' : 'Open Seller KB', click: () => options.show('#/') },
          { type: 'separator' },
          { label: lang() === 'zh' ? '退出' : 'Quit', click: () => options.quit() },
        ]),
      );
      tray.on('click', () => options.show('#/'));
    } else if (!keepInTray && tray) {
      tray.destroy();
      tray = null;
    }
  };

  const check = async () => {
    try {
      syncTray((await api.getReminderSettings()).keepInTray);
      const due = await api.listDueDeadlines({ withinDays: 0 });
      const reminders = pickReminders(due, shown, today(), lang());
      if (reminders.length === 0 || !Notification.isSupported()) return;
      for (const reminder of reminders) {
        shown.add(reminder.key);
        const notification = new Notification({ title: reminder.title, body: reminder.body });
        notification.on('click', () => options.show(`#/cases/${reminder.caseId}`));
        notification.show();
      }
    } catch {
      // A locked or damaged notebook has nothing to remind of; the next check tries again.
    }
  };

  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return {
    check,
    keepsRunning: () => tray !== null,
    watching: (inner) => ({
      ...inner,
      setReminderSettings: async (settings) => {
        const saved = await inner.setReminderSettings(settings);
        syncTray(saved.keepInTray);
        return saved;
      },
    }),
    stop: () => {
      clearInterval(timer);
      syncTray(false);
    },
  };
}

/** The open window brought to the front, or a new one when it was closed (to the tray). */
export function showWindow<W extends { isDestroyed(): boolean; show(): void; focus(): void }>(
  window: W | null,
  create: () => W,
): W {
  const shown = window && !window.isDestroyed() ? window : create();
  shown.show();
  shown.focus();
  return shown;
}
