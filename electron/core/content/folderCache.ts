/**
 * The user folders as last loaded — every file's outcome and the folders' search index — kept in
 * one file in the data folder, so a start re-reads and re-indexes only the files that changed
 * (a 10,000-file folder otherwise costs tens of seconds at every start).
 *
 * Layout: "SKBC" · u32 version · u32 JSON bytes · JSON (key, folders) · the index bytes.
 * A cache is only a cache: a missing, damaged or foreign one is ignored, never an error.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContentProblem } from '../../common/index.js';
import type { LoadedArticle } from './articleFiles.js';
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
const VERSION = 1;
const PREAMBLE_BYTES = 12;

export function writeFolderCache(path: string, data: FolderCacheData): void {
  const json = Buffer.from(JSON.stringify({ key: data.key, folders: data.folders }));
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(VERSION, 4);
  preamble.writeUInt32LE(json.length, 8);
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so a crash leaves the old cache or the new one.
  writeFileSync(`${path}.partial`, Buffer.concat([preamble, json, data.index]));
  renameSync(`${path}.partial`, path);
}

/** The cache at `path` when it was made under `key`; null when absent, damaged or made by another build. */
export function readFolderCache(path: string, key: string): FolderCacheData | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
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

  save(): void {
    // Before the folders loaded (a locked notebook) the library holds none: the cache stays as it is.
    if (!this.key || !this.foldersLoaded || this.library.foldersVersion === this.savedVersion) return;
    try {
      if (this.library.userFolders().length === 0) rmSync(this.path, { force: true });
      else writeFolderCache(this.path, this.library.folderSnapshot(this.key));
      this.savedVersion = this.library.foldersVersion;
    } catch {
      // Best effort: without a cache the next start reads the folders' files again.
    }
  }
}
