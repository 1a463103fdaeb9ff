import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueDeadline, ReminderSettings } from '../../electron/common/index.js';

/** A stand-in for Electron's app, Notification and Tray that records what the reminders do. */
const electron = vi.hoisted(() => ({
  events: [] as string[],
  notifications: [] as { title: string; body: string; click: () => void }[],
  trays: [] as { destroyed: boolean; click: () => void; menu: { label?: string; click?: () => void }[] }[],
}));

vi.mock('electron', () => {
  class Notification {
    static isSupported = () => true;
    private clickListener: () => void = () => undefined;
    constructor(private readonly options: { title: string; body: string }) {}
    on(_name: 'click', listener: () => void) {
      this.clickListener = listener;
    }
    show() {
      electron.notifications.push({ ...this.options, click: () => this.clickListener() });
    }
  }
  class Tray {
    private readonly record = {
      destroyed: false,
      click: () => undefined as void,
      menu: [] as { label?: string; click?: () => void }[],
    };
    constructor() {
      electron.trays.push(this.record);
    }
    setToolTip() {}
    setContextMenu(menu: { label?: string; click?: () => void }[]) {
      this.record.menu = menu;
    }
    on(_name: 'click', listener: () => void) {
      this.record.click = listener;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    app: { setAppUserModelId: (id: string) => electron.events.push(`appUserModelId:${id}`), getLocale: () => 'en-US' },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromDataURL: (url: string) => ({ url }) },
    Notification,
    Tray,
  };
});

const { startDesktopReminders, showWindow } = await import('../../electron/main/desktopReminders.js');

function deadline(overrides: Partial<DueDeadline>): DueDeadline {
  return {
    id: 'appeal-window-stated',
    caseId: 3,
    caseTitle: 'Related accounts · US',
    title: { zh: '通知中写明的申诉期限', en: 'Deadline the notice states' },
    due: '2026-12-01',
    basis: '17 days after the notice',
    statedPhrase: 'within 17 days',
    condition: false,
    from: 'notice-received',
    fromDate: '2026-11-14',
    days: 17,
    articleId: 'after-appeal-en',
    source: { title: 'BSA', publisher: 'Amazon', url: 'https://example.invalid' },
    asOf: '2026-11-30',
    state: 'due',
    typed: null,
    overdue: false,
    ...overrides,
  };
}

function fakeApi(due: DueDeadline[], settings: ReminderSettings = { keepInTray: false }) {
  return {
    settings,
    listDueDeadlines: async () => due,
    getReminderSettings: async () => ({ ...settings }),
    setReminderSettings: async (next: ReminderSettings) => Object.assign(settings, next),
  };
}

const options = (shown: string[]) => ({
  show: (hash: string) => shown.push(hash),
  quit: () => shown.push('quit'),
  platform: 'linux' as const,
  today: () => '2026-12-01',
});

describe('desktop reminders with a mocked Electron', () => {
  beforeEach(() => {
    electron.events.length = 0;
    electron.notifications.length = 0;
    electron.trays.length = 0;
  });

  it('notifies once about each deadline due today or overdue, and a click opens its case', async () => {
    const shown: string[] = [];
    const due = [
      deadline({}),
      deadline({ id: 'cure-period', due: '2026-11-20', overdue: true, title: { zh: '纠正期', en: 'Cure period' } }),
      deadline({ id: 'funds-claim-us', due: '2026-12-05' }),
    ];
    const reminders = startDesktopReminders(fakeApi(due), options(shown));
    await reminders.check();
    await reminders.check();
    expect(electron.notifications.map((notification) => notification.title)).toEqual([
      'Deadline the notice states — due today',
      'Cure period — overdue since 2026-11-20',
    ]);
    expect(electron.notifications[0]!.body).toBe('Related accounts · US');
    electron.notifications[0]!.click();
    expect(shown).toEqual(['#/cases/3']);
    reminders.stop();
  });

  it('uses the date the user typed rather than the rule date', async () => {
    const reminders = startDesktopReminders(
      fakeApi([deadline({ id: 'follow-up-after-appeal', due: '2026-11-25', typed: '2026-12-03' })]),
      options([]),
    );
    await reminders.check();
    expect(electron.notifications).toEqual([]);
    reminders.stop();
  });

  it('sets the AppUserModelID on Windows only', () => {
    startDesktopReminders(fakeApi([]), { ...options([]), platform: 'linux' }).stop();
    expect(electron.events).toEqual([]);
    startDesktopReminders(fakeApi([]), { ...options([]), platform: 'win32' }).stop();
    expect(electron.events).toEqual(['appUserModelId:com.sellerkb.app']);
  });

  it('shows the tray icon only when opted in, keeps running while it is shown, and removes it when turned off', async () => {
    const shown: string[] = [];
    const api = fakeApi([]);
    const reminders = startDesktopReminders(api, options(shown));
    await reminders.check();
    expect([electron.trays.length, reminders.keepsRunning()]).toEqual([0, false]);
    const watched = reminders.watching(api);
    await watched.setReminderSettings({ keepInTray: true });
    expect([electron.trays.length, reminders.keepsRunning()]).toEqual([1, true]);
    electron.trays[0]!.click();
    electron.trays[0]!.menu.find((item) => item.label === 'Quit')!.click!();
    expect(shown).toEqual(['#/', 'quit']);
    await watched.setReminderSettings({ keepInTray: false });
    expect([electron.trays[0]!.destroyed, reminders.keepsRunning()]).toEqual([true, false]);
    reminders.stop();
  });

  it('opens a new window when the one shown before was closed', () => {
    const made: string[] = [];
    const window = (name: string, destroyed: boolean) => ({
      name,
      isDestroyed: () => destroyed,
      show: () => made.push(`show ${name}`),
      focus: () => undefined,
    });
    expect(showWindow(window('old', true), () => window('new', false)).name).toBe('new');
    expect(showWindow(window('open', false), () => window('unused', false)).name).toBe('open');
    expect(made).toEqual(['show new', 'show open']);
  });
});
