import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_NOTICE_CHARS } from '../common/index.js';

/**
 * A notice file's text, read no further than a notice could reach: a bigger file comes back longer
 * than the analyzer accepts, so it is refused without being read whole.
 */
export function readNoticeFile(path: string): string {
  const limit = MAX_NOTICE_CHARS * 4 + 4;
  const buffer = Buffer.alloc(limit);
  const file = openSync(path, 'r');
  try {
    const length = readSync(file, buffer, 0, limit, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(file);
  }
}
