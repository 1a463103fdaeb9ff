import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_FILES_PER_FOLDER = 20_000;
const MAX_DEPTH = 12;
/** Files stat'ed at once when listing without blocking. */
const STATS_AT_ONCE = 128;

/** How a folder below the root is read; tests replace it to make one fail. */
export type ReadFolder = (dir: string) => Dirent[];

/**
 * The walk itself, apart from how folders are read: it yields each folder to read and is sent
 * back its entries (or the error reading it), so one set of rules serves both listings below.
 * Hidden folders, node_modules and links are skipped; files come in a stable, depth-first order.
 */
function* markdownWalk(root: string, unreadable: (dir: string, error: unknown) => void, walked: string[] = []): Generator<string, string[], Dirent[] | Error> {
  const files: string[] = [];
  function* walk(dir: string, depth: number): Generator<string, void, Dirent[] | Error> {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES_PER_FOLDER) return;
    const listed = yield dir;
    if (listed instanceof Error) {
      if (dir === root) throw listed;
      unreadable(dir, listed);
      return;
    }
    walked.push(dir);
    for (const entry of listed.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(full, depth + 1);
      else if (entry.isFile() && /\.md$/i.test(entry.name) && files.length < MAX_FILES_PER_FOLDER) files.push(full);
    }
  }
  yield* walk(root, 0);
  return files;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Lists the Markdown files below a folder. A subfolder that cannot be read is skipped and passed
 * to `unreadable`; only the root's failure throws.
 */
export function listMarkdownFiles(root: string, unreadable: (dir: string, error: unknown) => void = () => {}, read: ReadFolder = (dir) => readdirSync(dir, { withFileTypes: true })): string[] {
  const walk = markdownWalk(root, unreadable);
  let step = walk.next();
  while (!step.done) {
    let entries: Dirent[] | Error;
    try {
      entries = read(step.value);
    } catch (error) {
      entries = asError(error);
    }
    step = walk.next(entries);
  }
  return step.value;
}

/**
 * listMarkdownFiles through asynchronous reads: a folder of 10,000 files never holds this thread
 * up. `walked` receives every folder that was read (what a watcher watches).
 */
export async function listMarkdownFilesAsync(root: string, unreadable: (dir: string, error: unknown) => void, walked: string[] = []): Promise<string[]> {
  const walk = markdownWalk(root, unreadable, walked);
  let step = walk.next();
  while (!step.done) {
    const entries = await readdir(step.value, { withFileTypes: true }).catch(asError);
    step = walk.next(entries);
  }
  return step.value;
}

/** A file as listed: its size and mtime say whether the copy loaded last time is still good (-1: unknown). */
export interface FileStamp {
  file: string;
  mtimeMs: number;
  size: number;
}

/** Each file's size and mtime, read asynchronously a batch at a time. */
export async function stampFiles(files: string[]): Promise<FileStamp[]> {
  const stamps: FileStamp[] = [];
  for (let at = 0; at < files.length; at += STATS_AT_ONCE) {
    const batch = files.slice(at, at + STATS_AT_ONCE);
    stamps.push(...(await Promise.all(batch.map((file) => stat(file).then(({ mtimeMs, size }) => ({ file, mtimeMs, size }), () => ({ file, mtimeMs: -1, size: -1 }))))));
  }
  return stamps;
}

/** stampFiles for one file, at once (in a worker thread, just before the file is read). */
export function stampFile(file: string): FileStamp {
  try {
    const { mtimeMs, size } = statSync(file);
    return { file, mtimeMs, size };
  } catch {
    return { file, mtimeMs: -1, size: -1 };
  }
}
