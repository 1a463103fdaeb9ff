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

/**
 * A file as read: `entry` is its cache entry (JSON of [file, mtimeMs, size, outcome], what the
 * start-up cache stores), and `document` what the index holds of it when it loaded.
 */
export interface ReadFile extends FileStamp {
  entry: string;
  document: SearchDocument | null;
}

/** Runs one job; segment bytes are handed over, not copied. */
export function runFolderJob(job: FolderJob): { result: ReadFile[] | Uint8Array; transfer?: ArrayBuffer[] } {
  switch (job.kind) {
    case 'read':
      return { result: job.files.map((file) => readStamped(job.root, file)) };
    case 'index':
      return bytesOut(writeSegment(buildSegmentParts(job.documents)));
    case 'merge':
      return bytesOut(writeSegment(mergeSegmentParts(job.sources)));
  }
}

function bytesOut(bytes: Uint8Array): { result: Uint8Array; transfer: ArrayBuffer[] } {
  return { result: bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

function readStamped(root: string, file: string): ReadFile {
  const { mtimeMs, size } = stampFile(file);
  const outcome: FileOutcome = readArticleOutcome(file, nodeSanitizer(), { displayPath: displayPathOf(root, file), userFolder: root });
  return { file, mtimeMs, size, entry: JSON.stringify([file, mtimeMs, size, outcome]), document: typeof outcome === 'string' ? null : toSearchDocument(outcome) };
}
