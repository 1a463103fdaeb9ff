import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { WorkerReply } from './workerPool.js';

/** What a job handler returns: its result, and the buffers to hand over rather than copy. */
export interface JobOutput<Result> {
  result: Result;
  transfer?: TransferListItem[];
}

/** The worker side of a WorkerPool: answers each job posted to this thread, one at a time. */
export function serveJobs<Job, Result>(handle: (job: Job) => JobOutput<Result>): void {
  if (!parentPort) throw new Error('Seller KB: serveJobs runs only in a worker thread');
  const port = parentPort;
  port.on('message', (job: Job) => {
    let reply: WorkerReply<Result>;
    let transfer: TransferListItem[] = [];
    try {
      const output = handle(job);
      reply = { ok: true, result: output.result };
      transfer = output.transfer ?? [];
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  });
}
