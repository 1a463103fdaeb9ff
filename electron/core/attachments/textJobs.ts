import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OcrLanguage, TextJob, TextWorkerMessage } from './textWorker.js';

/** PDF pages read for text: enough for any invoice or notice, bounded for a hostile file. */
export const MAX_PDF_PAGES = 200;
const OCR_LANGUAGES: OcrLanguage[] = ['eng', 'chi_sim'];
/** However hostile the file, a job ends: its thread is stopped after this long, and may use this much memory. */
export const JOB_TIME_LIMIT_MS: Record<TextJob['kind'], number> = { pdf: 120_000, image: 600_000 };
const JOB_MEMORY_MB = 1024;

export type TextOutcome =
  | { ok: true; text: string; pages: number | null }
  | { ok: false; reason: 'password' | 'invalid' | 'other' | 'canceled'; message: string };

/**
 * The text worker's file: the TypeScript source in a development checkout (Node strips its types),
 * else the bundle the build writes. Packaged desktop apps always have the bundle.
 */
export function textWorkerPath(appRoot: string): string {
  const source = join(appRoot, 'electron', 'core', 'attachments', 'textWorker.ts');
  return existsSync(source) && !process.versions.electron
    ? source
    : join(appRoot, 'dist', 'workers', 'attachmentText.mjs');
}

interface RunningJob {
  worker: Worker;
  progress: number;
  finish: (outcome: TextOutcome) => void;
}

/**
 * Runs text extraction in worker threads, one file at a time per kind of work, so the core's
 * thread only posts bytes and receives text. Each job can be canceled (its thread is ended).
 */
export class TextJobs {
  private readonly running = new Map<number, RunningJob>();
  private closed = false;

  constructor(private readonly workerPath: string) {}

  /** Reads the text of `bytes` (a PDF, or an image by OCR) in a new worker thread; `key` names it for progress and cancel. */
  run(
    key: number,
    kind: TextJob['kind'],
    bytes: Uint8Array,
    onProgress?: (progress: number) => void,
  ): Promise<TextOutcome> {
    if (this.closed)
      return Promise.resolve({ ok: false, reason: 'canceled', message: 'Attachments: Seller KB is closing' });
    const copy = new Uint8Array(bytes);
    const job: TextJob = { role: 'text', kind, bytes: copy, languages: OCR_LANGUAGES, maxPages: MAX_PDF_PAGES };
    return new Promise((resolve) => {
      const worker = new Worker(this.workerPath, {
        workerData: job,
        transferList: [copy.buffer],
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: JOB_MEMORY_MB },
      });
      let settled = false;
      const limit = JOB_TIME_LIMIT_MS[kind];
      const timer = setTimeout(
        () => finish({ ok: false, reason: 'other', message: `reading its text took longer than ${limit / 1000} s` }),
        limit,
      );
      timer.unref();
      const finish = (outcome: TextOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(key);
        void worker.terminate();
        resolve(outcome);
      };
      this.running.set(key, { worker, progress: 0, finish });
      worker.on('message', (message: TextWorkerMessage) => {
        if (message.type === 'progress') {
          const entry = this.running.get(key);
          if (entry) entry.progress = Math.max(0, Math.min(1, message.progress));
          onProgress?.(message.progress);
        } else if (message.type === 'done') finish({ ok: true, text: message.text, pages: message.pages });
        else finish({ ok: false, reason: message.reason, message: message.message });
      });
      worker.on('error', (error) => finish({ ok: false, reason: 'other', message: error.message }));
      worker.on('exit', (code) =>
        finish({ ok: false, reason: 'other', message: `the text worker stopped (exit code ${code})` }),
      );
    });
  }

  /** 0 to 1 while the job for `key` runs; null when none runs. */
  progressOf(key: number): number | null {
    return this.running.get(key)?.progress ?? null;
  }

  isRunning(key: number): boolean {
    return this.running.has(key);
  }

  /** Ends the job's thread; its promise resolves as canceled. */
  cancel(key: number): boolean {
    const job = this.running.get(key);
    if (!job) return false;
    job.finish({ ok: false, reason: 'canceled', message: 'Attachments: canceled' });
    return true;
  }

  close(): void {
    this.closed = true;
    for (const key of [...this.running.keys()]) this.cancel(key);
  }
}
