import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SearchDocument } from '../search/articleSearch.js';
import { loadSegment } from '../search/articleSearch.js';
import type { Segment, SegmentParts } from '../search/segment.js';
import { WorkerJobError, WorkerPool } from '../workers/workerPool.js';
import type { FolderJob, ReadChunk, ReadFile } from './folderJobs.js';

/** Files per read job: small enough that the threads share a folder evenly, large enough that messages stay few. */
const FILES_PER_JOB = 48;
/** Articles per index segment at most: loading one (parsing its header, checking its arrays) takes this thread about 10 ms. */
const SEGMENT_DOCUMENTS = 2_000;
const JOB_TIME_LIMIT_MS = 60_000;
// No memory limit on these threads: a job's files are at most 5 MB each and rendered in part
// beyond 200,000 characters, so memory stays bounded, and V8's resource limits slowed every job
// by a fifth (measured: 2,000 files in 2.6 s without, 3.1 s with).

/** The threads' script: the source or the bundle (see workerScript), or a TypeScript file of a test's own. */
export type WorkerScripts = 'source' | 'bundle' | { testScript: string };

/**
 * Which script the threads run: the TypeScript source (through tsx) when this module runs as
 * source itself (tests, development), else the bundle the build writes (the CLI, the desktop app).
 */
function workerScript(appRoot: string, scripts: WorkerScripts | undefined): { script: string; execArgv?: string[] } {
  const fromSource = scripts ? scripts !== 'bundle' : import.meta.url.endsWith('.ts');
  if (fromSource) {
    const tsx = pathToFileURL(join(appRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const source = typeof scripts === 'object' ? scripts.testScript : fileURLToPath(new URL('./folderWorker.ts', import.meta.url));
    return { script: source, execArgv: ['--import', tsx] };
  }
  const bundle = join(appRoot, 'dist', 'workers', 'folderLoad.mjs');
  if (!existsSync(bundle)) throw new Error(`Seller KB: the folder loader ${bundle} is missing; run npm run build`);
  // No inherited loaders (tsx in a development shell): the bundle runs on plain Node.
  return { script: bundle, execArgv: [] };
}

/**
 * Loads user folders in a pool of worker threads sized to the cores: reading and rendering files, and building or merging their index segments. This thread only sends paths,
 * receives results, and loads finished segments (each a few milliseconds).
 */
export class FolderLoader {
  private pool: WorkerPool<FolderJob, unknown> | null = null;
  private closed = false;

  constructor(
    private readonly appRoot: string,
    private readonly scripts?: WorkerScripts,
  ) {}

  /**
   * Reads files in jobs spread over the threads, handing each job's files and index segment to
   * `onRead` as it comes back (so this thread takes them a job at a time); a job that fails is run
   * again a file at a time, so only the file at fault is lost.
   */
  async read(root: string, files: string[], onRead: (files: ReadFile[], segment: Segment | null) => void): Promise<void> {
    const take = (chunk: ReadChunk) => onRead(chunk.files, chunk.segment ? loadSegment(chunk.segment) : null);
    await Promise.all(
      chunked(files, FILES_PER_JOB).map(async (chunk) => {
        let answer: ReadChunk;
        try {
          answer = (await this.run({ kind: 'read', root, files: chunk })) as ReadChunk;
        } catch {
          for (const single of await this.readOneByOne(root, chunk)) take(single);
          return;
        }
        take(answer);
      }),
    );
  }

  /** Index segments over the documents, built in parallel; each is loaded on arrival. */
  async index(documents: SearchDocument[]): Promise<Segment[]> {
    if (documents.length === 0) return [];
    const perSegment = Math.min(SEGMENT_DOCUMENTS, Math.ceil(documents.length / this.threads()));
    const segments = await Promise.all(chunked(documents, perSegment).map(async (group) => loadSegment((await this.run({ kind: 'index', documents: group })) as Uint8Array)));
    // The last segment loaded in this turn of the event loop; what the caller does next gets a turn of its own.
    await new Promise((resolve) => setImmediate(resolve));
    return segments;
  }

  /** One segment of the live documents of several (compaction), merged off this thread. */
  async merge(sources: { parts: SegmentParts; alive: Uint8Array }[]): Promise<Segment> {
    return loadSegment((await this.run({ kind: 'merge', sources })) as Uint8Array);
  }

  /** Ends the threads; later jobs (a cache save or compaction still queued) fail instead of starting new ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
    this.pool = null;
  }

  private threads(): number {
    return this.ensurePool().threadCount;
  }

  private run(job: FolderJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new WorkerJobError('the folder loader is closed', 'closed'));
    return this.ensurePool().run(job);
  }

  private ensurePool(): WorkerPool<FolderJob, unknown> {
    if (!this.pool) {
      const { script, execArgv } = workerScript(this.appRoot, this.scripts);
      this.pool = new WorkerPool(script, { jobTimeLimitMs: JOB_TIME_LIMIT_MS, execArgv });
    }
    return this.pool;
  }

  private async readOneByOne(root: string, files: string[]): Promise<ReadChunk[]> {
    return Promise.all(
      files.map(async (file) => {
        try {
          return (await this.run({ kind: 'read', root, files: [file] })) as ReadChunk;
        } catch (error) {
          if (error instanceof WorkerJobError && error.reason === 'closed') throw error;
          const problem = `cannot be loaded: ${(error as Error).message}`;
          return { files: [{ file, mtimeMs: -1, size: -1, entry: JSON.stringify([file, -1, -1, problem]) }], segment: null };
        }
      }),
    );
  }
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}
