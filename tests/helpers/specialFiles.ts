import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const guards: ChildProcess[] = [];
afterEach(() => {
  // The guard's whole process group: its shell and the sleep under it.
  for (const guard of guards.splice(0)) {
    try {
      process.kill(-guard.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * A named pipe (mkfifo) in `dir`. A guard process opens it for writing after `releaseAfterSeconds`
 * and closes it at once, so that code which wrongly opens the pipe is released with an empty read
 * and its test fails instead of blocking the test process forever.
 */
export function makeFifo(dir: string, name = 'pipe', releaseAfterSeconds = 8): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const guard = spawn('sh', ['-c', `sleep ${releaseAfterSeconds}; : > "$0"`, path], {
    stdio: 'ignore',
    detached: true,
  });
  guards.push(guard);
  return path;
}

/** Every kind of path that is not a regular file or folder, plus a folder, in `dir`. */
export function specialPaths(dir: string): Record<'fifo' | 'device' | 'folder' | 'dangling' | 'loop', string> {
  const folder = join(dir, 'a-folder.db');
  mkdirSync(folder);
  symlinkSync(join(dir, 'nothing-here'), join(dir, 'dangling.db'));
  symlinkSync(join(dir, 'loop-b.db'), join(dir, 'loop-a.db'));
  symlinkSync(join(dir, 'loop-a.db'), join(dir, 'loop-b.db'));
  return {
    fifo: makeFifo(dir, 'pipe.db'),
    device: '/dev/zero',
    folder,
    dangling: join(dir, 'dangling.db'),
    loop: join(dir, 'loop-a.db'),
  };
}
