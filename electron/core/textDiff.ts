import { diffLines, diffWords } from 'diff';
import type { DiffPart } from '../common/index.js';

/** Word-level diffs above this size cost too much; longer texts are compared line by line. */
const WORD_DIFF_MAX_CHARS = 50_000;
/** A comparison that takes longer gives up and shows the whole text as replaced. */
const DIFF_TIMEOUT_MS = 2_000;

/**
 * What changed from `older` to `newer`, as shared, removed and added pieces (word by word for
 * letter-sized texts), bounded in time so one huge note cannot stall the core.
 *
 * @example compareTexts('we ship late', 'we ship on time') // [{ value: 'we ship ', …}, { value: 'late', removed: true, …}, …]
 */
export function compareTexts(older: string, newer: string): DiffPart[] {
  const options = { timeout: DIFF_TIMEOUT_MS };
  const changes =
    older.length + newer.length <= WORD_DIFF_MAX_CHARS
      ? diffWords(older, newer, options)
      : diffLines(older, newer, options);
  if (!changes) {
    return [
      { value: older, added: false, removed: true },
      { value: newer, added: true, removed: false },
    ].filter((part) => part.value !== '');
  }
  return changes.map((change) => ({ value: change.value, added: change.added, removed: change.removed }));
}
