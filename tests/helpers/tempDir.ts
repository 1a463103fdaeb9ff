import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh folder per call, removed after each test (or, with `scope: 'file'`, after the file's tests). */
export function useTempDirs(scope: 'test' | 'file' = 'test'): () => string {
  const made: string[] = [];
  (scope === 'test' ? afterEach : afterAll)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'seller-kb-test-'));
    made.push(dir);
    return dir;
  };
}

/** The repository root (tests run from it). */
export const APP_ROOT = process.cwd();
