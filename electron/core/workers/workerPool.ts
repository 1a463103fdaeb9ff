import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** What a pool's worker script posts back for each job: its result, or the message of what failed. */
export type WorkerReply<Result> = { ok: true; result: Result } | { ok: false; message: string };

/** A job that could not finish: its worker threw, stopped, or ran past the time limit (and was ended). */
export class WorkerJobError extends Error {
  constructor(
    message: string,
    readonly reason: 'failed' | 'stopped' | 'timeout' | 'closed',
  ) {
    super(message);
  }
}

export interface WorkerPoolOptions {
  /** Threads at most (default: the machine's cores). */
  size?: number;
  /** A job running longer ends its thread; the job fails with reason "timeout". */
  jobTimeLimitMs: number;
  /** An idle thread is ended after this long, so a pool used once a day holds no memory. */
  idleMs?: number;
  /** Node options of each thread (the TypeScript loader in a development checkout). */
  execArgv?: string[];
}

interface QueuedJob {
  job: unknown;
  transfer: TransferListItem[];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  current: (QueuedJob & { timer: NodeJS.Timeout }) | null;
  idleTimer: NodeJS.Timeout | null;
}

const DEFAULT_IDLE_MS = 30_000;

/**
 * A fixed-size pool of worker threads running one script, one job per thread at a time, first come
 * first served. A thread that fails, stops or overruns is replaced; only its own job fails. Busy
 * threads keep the process alive, idle ones do not (a CLI exits when its work is done).
 */
export class WorkerPool<Job, Result> {
  private readonly threads = new Set<Thread>();
  private readonly queue: QueuedJob[] = [];
  private readonly size: number;
  private closed = false;

  constructor(
    private readonly script: string | URL,
    private readonly options: WorkerPoolOptions,
  ) {
    this.size = Math.max(1, options.size ?? availableParallelism());
  }

  get threadCount(): number {
    return this.size;
  }

  /** Runs one job on the next free thread; `transfer` lists buffers handed over rather than copied. */
  run(job: Job, transfer: TransferListItem[] = []): Promise<Result> {
    if (this.closed) return Promise.reject(new WorkerJobError('the worker pool is closed', 'closed'));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, transfer, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; queued and running jobs fail with reason "closed". */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new WorkerJobError('the worker pool is closed', 'closed'));
    await Promise.all(
      [...this.threads].map((thread) => this.end(thread, new WorkerJobError('the worker pool is closed', 'closed'))),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.freeThread();
      if (!thread) return;
      this.start(thread, this.queue.shift()!);
    }
  }

  private freeThread(): Thread | null {
    for (const thread of this.threads) if (!thread.current) return thread;
    return this.threads.size < this.size ? this.spawn() : null;
  }

  private spawn(): Thread {
    const worker = new Worker(this.script, { execArgv: this.options.execArgv });
    const thread: Thread = { worker, current: null, idleTimer: null };
    worker.on('message', (reply: WorkerReply<unknown>) => this.finish(thread, reply));
    worker.on(
      'error',
      (error) => void this.end(thread, new WorkerJobError(`the worker failed: ${error.message}`, 'failed')),
    );
    worker.on(
      'exit',
      (code) => void this.end(thread, new WorkerJobError(`the worker stopped (exit code ${code})`, 'stopped')),
    );
    this.threads.add(thread);
    return thread;
  }

  private start(thread: Thread, queued: QueuedJob): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    const limit = this.options.jobTimeLimitMs;
    const timer = setTimeout(
      () => void this.end(thread, new WorkerJobError(`the job took longer than ${limit / 1000} s`, 'timeout')),
      limit,
    );
    thread.current = { ...queued, timer };
    thread.worker.ref();
    thread.worker.postMessage(queued.job, queued.transfer);
  }

  private finish(thread: Thread, reply: WorkerReply<unknown>): void {
    const current = thread.current;
    if (!current) return;
    clearTimeout(current.timer);
    thread.current = null;
    if (reply.ok) current.resolve(reply.result);
    else current.reject(new WorkerJobError(reply.message, 'failed'));
    this.idle(thread);
    this.dispatch();
  }

  private idle(thread: Thread): void {
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => void this.end(thread, null), this.options.idleMs ?? DEFAULT_IDLE_MS);
    thread.idleTimer.unref();
  }

  /** Removes a thread (its job, if any, fails with `error`) and lets the queue go on on a new one. */
  private async end(thread: Thread, error: WorkerJobError | null): Promise<void> {
    if (!this.threads.delete(thread)) return;
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    const current = thread.current;
    thread.current = null;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error ?? new WorkerJobError('the worker stopped', 'stopped'));
    }
    await thread.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
