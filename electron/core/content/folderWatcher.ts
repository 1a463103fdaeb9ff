import { watch, type FSWatcher } from 'node:fs';

const SETTLE_MS = 300;

/**
 * Calls `onChange(folder)` once a burst of changes below a folder settles. Watching is best
 * effort: where the system cannot watch, the folder is still reloaded at every start.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, { watcher: FSWatcher; timer: NodeJS.Timeout | null }>();

  constructor(private readonly onChange: (folder: string) => void) {}

  watch(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      const entry = { watcher: watch(folder, { recursive: true }), timer: null as NodeJS.Timeout | null };
      entry.watcher.on('change', () => {
        if (entry.timer) clearTimeout(entry.timer);
        entry.timer = setTimeout(() => this.onChange(folder), SETTLE_MS);
      });
      entry.watcher.on('error', () => this.unwatch(folder));
      this.watchers.set(folder, entry);
    } catch {
      // Unwatchable (e.g. a network drive): the folder is reloaded at start instead.
    }
  }

  unwatch(folder: string): void {
    const entry = this.watchers.get(folder);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.watcher.close();
    this.watchers.delete(folder);
  }

  close(): void {
    for (const folder of [...this.watchers.keys()]) this.unwatch(folder);
  }
}
