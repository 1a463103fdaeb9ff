/**
 * The work of loading a user folder, as jobs a worker thread runs (folderWorker.ts): reading
 * (parse, render, sanitize, plain text), and building or merging index segments. Nothing
 * here touches the core's state: jobs take plain data and give plain data (and bytes) back.
 */
import { buildSegmentParts, type SearchDocument } from '../search/articleSearch.js';
import { mergeSegmentParts, type SegmentParts } from '../search/segment.js';
import { writeSegment } from '../search/segmentFile.js';
import { displayPathOf, readArticleOutcome, type FileOutcome } from './articleFiles.js';
import { stampFile, type FileStamp } from './folderListing.js';
import { toSearchDocument } from './library.js';
import { nodeSanitizer } from './nodeSanitizer.js';

export type FolderJob =
  | { kind: 'read'; root: string; files: string[] }
  | { kind: 'index'; documents: SearchDocument[] }
  | { kind: 'merge'; sources: { parts: SegmentParts; alive: Uint8Array }[] };

/** A file as read: `entry` is its cache entry (JSON of [file, mtimeMs, size, outcome], what the start-up cache stores). */
export interface ReadFile extends FileStamp {
  entry: string;
}

/**
 * A read job's answer: its files, and an index segment over the articles among them (the first
 * file of an id wins, as in the folder), so indexing runs alongside reading, not after it.
 */
export interface ReadChunk {
  files: ReadFile[];
  segment: Uint8Array | null;
}

/** Runs one job; segment bytes are handed over, not copied. */
export function runFolderJob(job: FolderJob): { result: ReadChunk | Uint8Array; transfer?: ArrayBuffer[] } {
  switch (job.kind) {
    case 'read':
      return readChunk(job.root, job.files);
    case 'index':
      return bytesOut(writeSegment(buildSegmentParts(job.documents)));
    case 'merge':
      return bytesOut(writeSegment(mergeSegmentParts(job.sources)));
  }
}

function bytesOut(bytes: Uint8Array): { result: Uint8Array; transfer: ArrayBuffer[] } {
  return { result: bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

function readChunk(root: string, files: string[]): { result: ReadChunk; transfer: ArrayBuffer[] } {
  const documents = new Map<string, SearchDocument>();
  const read = files.map((file): ReadFile => {
    const { mtimeMs, size } = stampFile(file);
    const outcome: FileOutcome = readArticleOutcome(file, nodeSanitizer(), { displayPath: displayPathOf(root, file), userFolder: root });
    if (typeof outcome !== 'string' && !documents.has(outcome.id)) documents.set(outcome.id, toSearchDocument(outcome));
    return { file, mtimeMs, size, entry: JSON.stringify([file, mtimeMs, size, outcome]) };
  });
  if (documents.size === 0) return { result: { files: read, segment: null }, transfer: [] };
  const segment = writeSegment(buildSegmentParts([...documents.values()]));
  return { result: { files: read, segment }, transfer: [segment.buffer as ArrayBuffer] };
}
