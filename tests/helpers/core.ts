import { createCore, type Core, type CoreOptions } from '../../electron/core/createCore.js';
import { prebuiltLibraryPath } from '../../electron/core/paths.js';
import { APP_ROOT } from './tempDir.js';

/** A core over the real library (prebuilt when fresh) and a notebook in `dataDir`, with a fixed clock when given. */
export function openTestCore(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({ appRoot: APP_ROOT, dataDir, prebuiltPath: prebuiltLibraryPath(APP_ROOT), ...options });
}

/** A clock that starts at `iso` and can be moved. */
export function fixedClock(iso: string): { now: () => Date; set(value: string): void } {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (value) => (current = new Date(value)) };
}
