/**
 * The user folders as last loaded — every file's outcome and the folders' search index — kept in
 * one file in the data folder, so a start re-reads and re-indexes only the files that changed
 * (a 10,000-file folder otherwise costs tens of seconds at every start).
 *
 * Layout: "SKBC" · u32 version · u32 header bytes · u32 index bytes · header JSON (key, folders,
 * segment sizes) · the index: each segment's bytes, then a byte per document (1 live, 0 dead) ·
 * one JSON line per file, to the end. The lines are written as the worker thread that read each
 * file encoded them, and the index as its segments are, dead documents marked rather than merged
 * away, so saving (at close too) re-encodes and merges nothing on the core's thread.
 * A cache is only a cache: a missing, damaged or foreign one is ignored, never an error.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContentProblem } from '../../common/index.js';
import type { StoredSegment } from '../search/articleSearch.js';
import { readIfRegularFile } from '../files/fileKinds.js';

export interface CachedFolder {
  path: string;
  ids: string[];
  problems: ContentProblem[];
  /** One JSON text per file: [file, mtimeMs, size, outcome (an article, or the problem)]. */
  entries: string[];
}

export interface FolderCacheData {
  /** What the cache was made with (the shipped library): another key means another app build. */
  key: string;
  folders: CachedFolder[];
  /** The folders' articles as index segments, each with which of its documents are live. */
  segments: StoredSegment[];
}

const MAGIC = 'SKBC';
// 2: sources carry title/publisher/date/url/helpId/document (issue 14). 3: entries as lines, and
// index files of version 3 (issue 20). 4: the index as segments with their live documents.
const VERSION = 4;
const PREAMBLE_BYTES = 16;
/** Entries per write: each write encodes a few megabytes at most. */
const ENTRIES_PER_WRITE = 200;

/** Where the cache lives, below the data folder. */
export const FOLDER_CACHE_FILE = join('cache', 'user-folders.cache');

interface Header {
  key: string;
  folders: (Omit<CachedFolder, 'entries'> & { entryCount: number })[];
  /** Per segment: [its bytes, its documents]. */
  segments: [number, number][];
}

function headOf(data: FolderCacheData): Buffer {
  const folders = data.folders.map(({ entries, ...folder }) => ({ ...folder, entryCount: entries.length }));
  const segments = data.segments.map(({ bytes, alive }): [number, number] => [bytes.byteLength, alive.length]);
  const header = Buffer.from(JSON.stringify({ key: data.key, folders, segments } satisfies Header));
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  preamble.write(MAGIC, 0, 'latin1');
  preamble.writeUInt32LE(VERSION, 4);
  preamble.writeUInt32LE(header.length, 8);
  preamble.writeUInt32LE(indexParts(data).reduce((total, part) => total + part.byteLength, 0), 12);
  return Buffer.concat([preamble, header]);
}

const indexParts = (data: FolderCacheData): Uint8Array[] => data.segments.flatMap(({ bytes, alive }) => [bytes, alive]);

function* entryBatches(data: FolderCacheData): Generator<string> {
  const entries = data.folders.flatMap((folder) => folder.entries);
  for (let at = 0; at < entries.length; at += ENTRIES_PER_WRITE) yield `${entries.slice(at, at + ENTRIES_PER_WRITE).join('\n')}\n`;
}

/** Writes the cache at once (at close). Written aside and renamed, so a crash leaves the old cache or the new one. */
export function writeFolderCache(path: string, data: FolderCacheData): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = partialPath(path);
  writeFileSync(partial, Buffer.concat([headOf(data), ...indexParts(data), ...[...entryBatches(data)].map((batch) => Buffer.from(batch))]), { mode: 0o600 });
  renameSync(partial, path);
}

let writes = 0;
/** A file of its own for each write, so a save at close never writes into one still under way. */
const partialPath = (path: string) => `${path}.${process.pid}-${++writes}.partial`;

/**
 * writeFolderCache through asynchronous writes, a batch of entries each, so other calls go on
 * meanwhile. The copy replaces the cache only if `stillWanted()` at the end; answers whether it did.
 */
export async function writeFolderCacheAsync(path: string, data: FolderCacheData, stillWanted: () => boolean): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const partial = partialPath(path);
  const file = await open(partial, 'w', 0o600);
  try {
    try {
      await file.write(headOf(data));
      for (const part of indexParts(data)) await file.write(part);
      for (const batch of entryBatches(data)) await file.write(batch);
    } finally {
      await file.close();
    }
    if (!stillWanted()) {
      await rm(partial, { force: true });
      return false;
    }
    await rename(partial, path);
    return true;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** The cache at `path` when it was made under `key`; null when absent, damaged or made by another build. */
export function readFolderCache(path: string, key: string): FolderCacheData | null {
  // A FIFO in the cache's place would block the start: only a regular file is read.
  const bytes = readIfRegularFile(path);
  if (bytes === null) return null;
  try {
    if (bytes.length < PREAMBLE_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== VERSION) return null;
    const headerEnd = PREAMBLE_BYTES + bytes.readUInt32LE(8);
    const indexEnd = headerEnd + bytes.readUInt32LE(12);
    if (indexEnd > bytes.length) return null;
    const header = JSON.parse(bytes.toString('utf8', PREAMBLE_BYTES, headerEnd)) as Header;
    if (header.key !== key || !Array.isArray(header.folders) || !Array.isArray(header.segments)) return null;
    let segmentAt = headerEnd;
    const segments = header.segments.map(([byteLength, documents]) => {
      // Copies, so that the index does not keep the whole file (its entries' text) in memory.
      const segment = { bytes: new Uint8Array(bytes.subarray(segmentAt, segmentAt + byteLength)), alive: new Uint8Array(bytes.subarray(segmentAt + byteLength, segmentAt + byteLength + documents)) };
      segmentAt += byteLength + documents;
      return segment;
    });
    if (segmentAt !== indexEnd) return null;
    const lines = bytes.toString('utf8', indexEnd).split('\n');
    let at = 0;
    const folders = header.folders.map(({ entryCount, ...folder }) => ({ ...folder, entries: lines.slice(at, (at += entryCount)) }));
    if (at > lines.length) return null;
    return { key, folders, segments };
  } catch {
    return null;
  }
}
