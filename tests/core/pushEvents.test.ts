import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DueDeadline, KbEventEnvelope, LibraryInfo } from '../../electron/common/index.js';
import { CoreEvents } from '../../electron/core/events/coreEvents.js';
import { dueKey, startDueWatcher } from '../../electron/core/events/dueWatcher.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const notice = (name: string) => readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'notices', name), 'utf8');

/** A copy of the fixture folder, so the test may write into it. */
function userFolder(): string {
  const folder = tempDir();
  cpSync(join(APP_ROOT, 'tests/fixtures/userFolder'), folder, { recursive: true });
  return folder;
}

/** The next libraryChanged for which `accept` holds. */
function nextLibraryChange(
  events: CoreEvents | { onLibraryChanged: CoreEvents['onLibraryChanged'] },
  accept: (info: LibraryInfo) => boolean,
): Promise<LibraryInfo> {
  return new Promise((resolve) => {
    const stop = events.onLibraryChanged((info) => {
      if (!accept(info)) return;
      stop();
      resolve(info);
    });
  });
}

const deadline = (caseId: number, id: string, due: string): DueDeadline =>
  ({ caseId, id, due, typed: null, caseTitle: `Case ${caseId}`, overdue: false }) as unknown as DueDeadline;

describe('the core event emitter', () => {
  it('hands each typed subscriber only its own event, and nothing after unsubscribe', () => {
    const events = new CoreEvents();
    const library: LibraryInfo[] = [];
    const due: DueDeadline[][] = [];
    const all: KbEventEnvelope[] = [];
    const stopLibrary = events.onLibraryChanged((info) => library.push(info));
    events.onDue((items) => due.push(items));
    events.subscribe((envelope) => all.push(envelope));
    const info = { articleCount: 1, categories: [], problems: [], userFolders: [] };
    events.emit('libraryChanged', info);
    events.emit('due', [deadline(1, 'cure-period', '2025-10-01')]);
    stopLibrary();
    events.emit('libraryChanged', info);
    expect(library).toEqual([info]);
    expect(due).toHaveLength(1);
    expect(all.map((envelope) => envelope.event)).toEqual(['libraryChanged', 'due', 'libraryChanged']);
    expect(events.listenerCount).toBe(2);
  });

  it('keeps sending to the other listeners when one throws', () => {
    const events = new CoreEvents();
    const heard: string[] = [];
    const originalError = console.error;
    console.error = () => undefined;
    try {
      events.subscribe(() => {
        throw new Error('a broken window');
      });
      events.subscribe((envelope) => heard.push(envelope.event));
      events.emit('due', []);
    } finally {
      console.error = originalError;
    }
    expect(heard).toEqual(['due']);
  });
});

describe('the due watcher', () => {
  /** A watcher over a list the test changes, with its repeating check held by the test. */
  function manualWatcher(list: () => Promise<DueDeadline[]>) {
    const emitted: string[][] = [];
    let stopped = false;
    const watcher = startDueWatcher({
      listDue: list,
      emit: (due) => emitted.push(due.map(dueKey)),
      repeat: () => () => (stopped = true),
    });
    return { watcher, emitted, stopped: () => stopped };
  }

  it('emits each deadline once when it falls due, and again only when its date moves', async () => {
    let due = [deadline(1, 'cure-period', '2025-10-01')];
    const { watcher, emitted } = manualWatcher(async () => due);
    await watcher.check();
    await watcher.check();
    due = [...due, deadline(2, 'appeal-window-stated', '2025-10-02')];
    await watcher.check();
    due = [deadline(1, 'cure-period', '2025-10-05'), due[1]!];
    await watcher.check();
    expect(emitted).toEqual([
      ['1:cure-period:2025-10-01'],
      ['2:appeal-window-stated:2025-10-02'],
      ['1:cure-period:2025-10-05'],
    ]);
  });

  it('skips a look while the notebook is locked and remembers what it had already sent', async () => {
    let locked = false;
    const { watcher, emitted, stopped } = manualWatcher(async () => {
      if (locked) throw new Error('locked');
      return [deadline(1, 'cure-period', '2025-10-01')];
    });
    await watcher.check();
    locked = true;
    await watcher.check();
    locked = false;
    await watcher.check();
    expect(emitted).toEqual([['1:cure-period:2025-10-01']]);
    watcher.stop();
    expect(stopped()).toBe(true);
  });

  it('over a real notebook, sends a deadline when the clock reaches it, not before and not twice', async () => {
    const clock = fixedClock('2025-10-08T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const record = await core.createCaseFromNotice({ text: notice('01-related-us-forwarded.txt') });
    const { watcher, emitted } = manualWatcher(() => core.listDueDeadlines({ withinDays: 0 }));
    await watcher.check();
    expect(emitted).toEqual([]);
    clock.set('2025-10-20T09:00:00Z');
    await watcher.check();
    await watcher.check();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toContain(
      `${record.id}:cure-period:${(await core.listDueDeadlines({ withinDays: 0 })).find((item) => item.id === 'cure-period')!.due}`,
    );
    core.close();
  });

  it('is the core’s own: unlocking an encrypted notebook looks at once and emits what fell due meanwhile', async () => {
    const clock = fixedClock('2025-10-08T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const record = await core.createCaseFromNotice({ text: notice('01-related-us-forwarded.txt') });
    await core.encryptNotebook({ passphrase: 'correct horse battery staple' });
    await core.lockNotebook();
    clock.set('2025-10-20T09:00:00Z');
    const due = new Promise<DueDeadline[]>((resolve) => core.events.onDue(resolve));
    await core.unlockNotebook({ passphrase: 'correct horse battery staple' });
    expect((await due).map((item) => [item.caseId, item.id, item.overdue])).toContainEqual([
      record.id,
      'cure-period',
      true,
    ]);
    core.close();
  });
});

describe('libraryChanged from the core', () => {
  it('is emitted with the new library info when a folder is added and when it is removed', async () => {
    const core = await openTestCore(tempDir());
    const folder = userFolder();
    const seen: LibraryInfo[] = [];
    core.events.onLibraryChanged((info) => seen.push(info));
    const added = await core.addUserFolder({ path: folder });
    const removed = await core.removeUserFolder({ path: folder });
    expect(seen).toEqual([added, removed]);
    expect(seen[0]!.userFolders.map((entry) => entry.path)).toEqual([folder]);
    expect(seen[1]!.userFolders).toEqual([]);
    core.close();
  });

  it('is emitted when the folder watcher reloads a folder changed on disk', async () => {
    const core = await openTestCore(tempDir());
    const folder = userFolder();
    const before = (await core.addUserFolder({ path: folder })).userFolders[0]!.articleCount;
    const reloaded = nextLibraryChange(core.events, (info) => info.userFolders[0]!.articleCount === before + 1);
    writeFileSync(
      join(folder, 'new-note.md'),
      '# A note written while the app runs\n\nThe watcher reloads the folder.\n',
    );
    expect((await reloaded).userFolders[0]!.articleCount).toBe(before + 1);
    core.close();
  });

  it('stops when the core closes: every subscription ends', async () => {
    const core = await openTestCore(tempDir());
    core.events.onLibraryChanged(() => undefined);
    core.close();
    expect((core.events as CoreEvents).listenerCount).toBe(0);
  });
});
