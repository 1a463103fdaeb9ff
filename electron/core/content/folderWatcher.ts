import { watch, type FSWatcher } from 'node:fs';

const SETTLE_MS = 300;

interface WatchedFolder {
  /** One watcher per folder below it on Linux; one recursive watcher elsewhere (keyed by the folder). */
  watchers: Map<string, FSWatcher>;
  timer: NodeJS.Timeout | null;
}

/**
 * Calls `onChange(folder)` once a burst of changes below a folder settles. Watching is best
 * effort: where the system cannot watch, the folder is still reloaded at every start.
 *
 * On Linux, Node's recursive watch walks the whole tree on this thread when it starts (a quarter
 * of a second for 10,000 files), so each folder the listing found is watched on its own instead:
 * one inotify watch each, and `watch` again after a reload adds and drops folders as they change.
 * macOS and Windows watch a tree natively.
 */
export class FolderWatcher {
  private readonly folders = new Map<string, WatchedFolder>();

  constructor(
    private readonly onChange: (folder: string) => void,
    private readonly perDirectory = process.platform === 'linux',
  ) {}

  /** Watches `folder`, whose subfolders (the folder itself included) are `directories`. */
  watch(folder: string, directories: string[] = [folder]): void {
    let entry = this.folders.get(folder);
    if (!entry) this.folders.set(folder, (entry = { watchers: new Map(), timer: null }));
    const wanted = new Set(this.perDirectory ? directories : [folder]);
    for (const [dir, watcher] of entry.watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      entry.watchers.delete(dir);
    }
    for (const dir of wanted) if (!entry.watchers.has(dir)) this.watchOne(folder, entry, dir);
  }

  unwatch(folder: string): void {
    const entry = this.folders.get(folder);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    for (const watcher of entry.watchers.values()) watcher.close();
    this.folders.delete(folder);
  }

  close(): void {
    for (const folder of [...this.folders.keys()]) this.unwatch(folder);
  }

  private watchOne(folder: string, entry: WatchedFolder, dir: string): void {
    try {
      const watcher = watch(dir, { recursive: !this.perDirectory });
      watcher.on('change', () => {
        if (entry.timer) clearTimeout(entry.timer);
        entry.timer = setTimeout(() => this.onChange(folder), SETTLE_MS);
      });
      // A folder removed or unreadable: its watch ends; the reload that follows sees what is left.
      watcher.on('error', () => {
        watcher.close();
        entry.watchers.delete(dir);
      });
      entry.watchers.set(dir, watcher);
    } catch {
      // Unwatchable (e.g. a network drive): the folder is reloaded at start instead.
    }
  }
}
