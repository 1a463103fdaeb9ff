/**
 * The user folders as last loaded — every file's outcome and the folders' search index — kept in
 * one file in the data folder, so a start re-reads and re-indexes only the files that changed
 * (a 10,000-file folder otherwise costs tens of seconds at every start).
 *
 * Layout: "SKBC" · u32 version · u32 JSON bytes · JSON (key, folders) · the index bytes.
 * A cache is only a cache: a missing, damaged or foreign one is ignored, never an error.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readIfRegularFile } from '../files/fileKinds.js';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContentProblem } from '../../common/index.js';
import type { LoadedArticle } from './articleFiles.js';
import { runAtOnce, runInSlices, type Steps } from '../timeSlices.js';
import type { KnowledgeBase } from './knowledgeBase.js';

export interface CachedFolder {
  path: string;
  /** file → what loading it gave (an article, or the problem), with the size and mtime it had. */
  files: [file: string, mtimeMs: number, size: number, outcome: LoadedArticle | string][];
  ids: string[];
  problems: ContentProblem[];
}

export interface FolderCacheData {
  /** What the cache was made with (the shipped library): another key means another app build. */
  key: string;
  folders: CachedFolder[];
  /** The folders' articles as a serialized search index. */
  index: Uint8Array;
}

const MAGIC = 'SKBC';
// 2: sources carry title/publisher/date/url/helpId/document (issue 14).
const VERSION = 2;
const PREAMBLE_BYTES = 12;
const ENTRIES_PER_STEP = 50;

export function writeFolderCache(path: string, data: FolderCacheData): void {
  writeCacheBytes(path, runAtOnce(encodeSteps(data)));
}

/** The file's bytes, as steps (see timeSlices): the JSON is made a file entry at a time. */
function* encodeSteps(data: FolderCacheData): Steps<Buffer[]> {
  // The JSON in pieces, each encoded on its own, so no step turns megabytes of text into bytes.
  const pieces: Buffer[] = [Buffer.from(`{"key":${JSON.stringify(data.key)},"folders":[`)];
  for (const [index, { files, ...folder }] of data.folders.entries()) {
    // `files` last, spliced into the folder's own JSON.
    pieces.push(Buffer.from(`${index > 0 ? ',' : ''}${JSON.stringify(folder).slice(0, -1)},"files":[`));
    for (const [at, entry] of files.entries()) {
      if (at % ENTRIES_PER_STEP === 0) yield;
      pieces.push(Buffer.from(`${at > 0 ? ',' : ''}${JSON.stringify(entry)}`));
    }
    pieces.push(Buffer.from(']}'));
  }
  pieces.push(Buffer.from(']}'));
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(VERSION, 4);
  preamble.writeUInt32LE(pieces.reduce((total, piece) => total + piece.length, 0), 8);
  return [preamble, ...pieces, Buffer.from(data.index.buffer, data.index.byteOffset, data.index.byteLength)];
}

function writeCacheBytes(path: string, chunks: Buffer[]): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so a crash leaves the old cache or the new one.
  writeFileSync(`${path}.partial`, Buffer.concat(chunks));
  renameSync(`${path}.partial`, path);
}

/** writeCacheBytes without blocking: the chunks go to disk through asynchronous writes. */
async function writeCacheBytesAsync(path: string, chunks: Buffer[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(`${path}.partial`, 'w');
  try {
    for (const chunk of chunks) await file.write(chunk);
  } finally {
    await file.close();
  }
  await rename(`${path}.partial`, path);
}

/** The cache at `path` when it was made under `key`; null when absent, damaged or made by another build. */
export function readFolderCache(path: string, key: string): FolderCacheData | null {
  // A FIFO in the cache's place would block the start: only a regular file is read.
  const bytes = readIfRegularFile(path);
  if (bytes === null) return null;
  try {
    if (bytes.length < PREAMBLE_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== VERSION) return null;
    const end = PREAMBLE_BYTES + bytes.readUInt32LE(8);
    if (end > bytes.length) return null;
    const { key: madeWith, folders } = JSON.parse(bytes.toString('utf8', PREAMBLE_BYTES, end)) as Omit<FolderCacheData, 'index'>;
    if (madeWith !== key || !Array.isArray(folders)) return null;
    return { key, folders, index: bytes.subarray(end) };
  } catch {
    return null;
  }
}

/** Where the cache lives, below the data folder. */
export const FOLDER_CACHE_FILE = join('cache', 'user-folders.cache');

/**
 * When the cache is used: read just before the saved folders load, written after a folder is added
 * and at close when the folders changed. Without a key (a library built from content/ rather than
 * prebuilt) there is no cache.
 */
export class UserFolderCache {
  private foldersLoaded = false;
  private savedVersion = -1;

  constructor(
    private readonly path: string,
    private readonly key: string | null,
    private readonly library: KnowledgeBase,
  ) {}

  restore(folders: string[]): void {
    this.foldersLoaded = true;
    const data = this.key ? readFolderCache(this.path, this.key) : null;
    if (!data) return;
    try {
      this.library.restoreFolders(data, folders);
      this.savedVersion = this.library.foldersVersion;
    } catch {
      // A damaged index in the cache: the folders load from their files instead.
    }
  }

  /** Writes the cache now (at close), when the folders changed since it was last read or written. */
  save(): void {
    if (!this.due()) return;
    const version = this.library.foldersVersion;
    try {
      if (this.library.userFolders().length === 0) rmSync(this.path, { force: true });
      else writeFolderCache(this.path, runAtOnce(this.library.folderSnapshotSteps(this.key!)));
      this.savedVersion = version;
    } catch {
      // Best effort: without a cache the next start reads the folders' files again.
    }
  }

  /** save in time slices (see timeSlices), so a large folder just added does not hold up other calls. */
  async saveInSlices(): Promise<void> {
    if (!this.due()) return;
    const version = this.library.foldersVersion;
    try {
      const snapshot = await runInSlices(this.library.folderSnapshotSteps(this.key!));
      const chunks = await runInSlices(encodeSteps(snapshot));
      if (this.library.userFolders().length === 0) await rm(this.path, { force: true });
      else await writeCacheBytesAsync(this.path, chunks);
      this.savedVersion = version;
    } catch {
      // As in save().
    }
  }

  private due(): boolean {
    // Before the folders loaded (a locked notebook) the library holds none: the cache stays as it is.
    return this.key !== null && this.foldersLoaded && this.library.foldersVersion !== this.savedVersion;
  }
}
