import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadFile } from '../../electron/core/content/folderJobs.js';
import { FolderLoader } from '../../electron/core/content/folderLoader.js';
import { WorkerJobError, WorkerPool } from '../../electron/core/workers/workerPool.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

type Job = { kind: 'echo' | 'fail' | 'exit' | 'hang' | 'bytes'; value?: unknown };
const script = new URL('../fixtures/workers/jobs.mjs', import.meta.url);
const open = (options: Partial<ConstructorParameters<typeof WorkerPool>[1]> = {}) =>
  new WorkerPool<Job, { value: unknown; threadId: number }>(script, { size: 2, jobTimeLimitMs: 10_000, ...options });

describe('the worker pool (real threads)', () => {
  it('runs jobs on at most its size of threads, and answers each job with its own result', async () => {
    const pool = open();
    const results = await Promise.all(Array.from({ length: 12 }, (_, value) => pool.run({ kind: 'echo', value })));
    expect(results.map((result) => result.value)).toEqual(Array.from({ length: 12 }, (_, value) => value));
    expect(new Set(results.map((result) => result.threadId)).size).toBeLessThanOrEqual(2);
    await pool.close();
  });

  it('fails only the job whose thread failed, stopped or overran, and goes on with a new thread', async () => {
    const pool = open({ jobTimeLimitMs: 1_000 });
    const outcomes = await Promise.allSettled([
      pool.run({ kind: 'fail', value: 'a.md' }),
      pool.run({ kind: 'exit' }),
      pool.run({ kind: 'hang' }),
      pool.run({ kind: 'echo', value: 'after' }),
    ]);
    const reasons = outcomes.map((outcome) =>
      outcome.status === 'rejected' ? (outcome.reason as WorkerJobError).reason : 'ok',
    );
    expect(reasons).toEqual(['failed', 'stopped', 'timeout', 'ok']);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toBe('failed on a.md');
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe('the job took longer than 1 s');
    expect((await pool.run({ kind: 'echo', value: 'still here' })).value).toBe('still here');
    await pool.close();
  });

  it('answers with the bytes a thread hands over, and refuses work once closed', async () => {
    const pool = open();
    const bytes = (await pool.run({ kind: 'bytes', value: 1024 })) as unknown as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(1024);
    const running = expect(pool.run({ kind: 'hang' })).rejects.toMatchObject({ reason: 'closed' });
    await pool.close();
    await running;
    await expect(pool.run({ kind: 'echo' })).rejects.toMatchObject({ reason: 'closed' });
  });

  it('lets a closed folder loader start no thread again: a late job fails as closed', async () => {
    const loader = new FolderLoader(process.cwd(), 'source');
    await loader.close();
    await expect(loader.read(process.cwd(), ['README.md'], () => undefined)).rejects.toMatchObject({
      reason: 'closed',
    });
    await expect(loader.merge([])).rejects.toMatchObject({ reason: 'closed' });
  });

  it('reads again one file at a time after a job failed: only the file at fault is lost', async () => {
    const root = tempDir();
    const files = Array.from({ length: 60 }, (_, index) => join(root, `note-${index}.md`));
    for (const [index, file] of files.entries()) writeFileSync(file, `# Note ${index}\n\nPallets.`);
    files.splice(30, 0, join(root, 'crash.md'));
    writeFileSync(files[30]!, '# Crash');
    const testScript = fileURLToPath(new URL('../fixtures/workers/crashingFolderWorker.ts', import.meta.url));
    const loader = new FolderLoader(process.cwd(), { testScript });
    const read: ReadFile[] = [];
    let segmentDocuments = 0;
    await loader.read(root, files, (chunk, segment) => {
      read.push(...chunk);
      segmentDocuments += segment?.docCount ?? 0;
    });
    await loader.close();
    const outcome = (file: string) => (JSON.parse(read.find((entry) => entry.file === file)!.entry) as unknown[])[3];
    expect(read.length).toBe(61);
    expect(outcome(files[30]!)).toMatch(/^cannot be loaded: .*refuses crash\.md/);
    expect(segmentDocuments).toBe(60);
    expect(outcome(files[0]!)).toMatchObject({ title: 'Note 0' });
  });
});
