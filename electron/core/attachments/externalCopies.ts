import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies of attachments handed to the system's viewer, on request only: each in its own private
 * temporary folder (readable by this user alone), all removed when the core closes. They are the
 * one place an attachment leaves the notebook, so the app asks before making one.
 */
export class ExternalCopies {
  private readonly folders: string[] = [];

  write(name: string, bytes: Uint8Array): string {
    const folder = mkdtempSync(join(tmpdir(), 'seller-kb-open-'));
    this.folders.push(folder);
    const path = join(folder, name);
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return path;
  }

  removeAll(): void {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}
