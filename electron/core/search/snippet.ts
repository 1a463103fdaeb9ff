import type { TextPart } from '../../common/index.js';
import { foldLatin, isCjkTerm, normalizeText } from './tokenize.js';

/** A matched stretch of text: [start, end). */
export type Range = [number, number];

const SNIPPET_LENGTH = 140;
/** Characters shown before the first match when the window starts with one. */
const LEAD = 30;
/** Snippets come from the start of long articles: scanning all of each hit would slow every keystroke. */
const SCAN_CHARS = 8_000;
const STRETCH = 2_000;
const OVERLAP = 64;
/** Letters that fold to ASCII (accented Latin, full-width forms): words holding one are folded before the look-up. */
const FOLDING_LETTER = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/**
 * Cuts a snippet of about SNIPPET_LENGTH characters around the densest cluster of matched terms
 * in the first stretch of the text that has any, and marks those terms, as data the renderer can
 * highlight without HTML. Reading on only when a stretch has no match keeps a page of hits from
 * long articles cheap on every keystroke.
 *
 * @example buildSnippet('Create a removal order in Seller Central', ['removal']) // → [..., { text: 'removal', match: true }, ...]
 */
export function buildSnippet(text: string, matchedTerms: string[] | TermFinder): TextPart[] {
  const find = Array.isArray(matchedTerms) ? termFinder(matchedTerms) : matchedTerms;
  const scanEnd = Math.min(text.length, SCAN_CHARS);
  let ranges: Range[] = [];
  for (let from = 0; from < scanEnd && ranges.length === 0; from += STRETCH) {
    // Stretches overlap by a long word, so a term across the border is still found.
    const start = Math.max(0, from - OVERLAP);
    ranges = find(text.slice(start, Math.min(scanEnd, from + STRETCH))).map(([begin, end]) => [
      begin + start,
      end + start,
    ]);
  }
  return snippetAround(text, ranges);
}

/** Every case-insensitive occurrence of the needles (notes search, which has no term list). */
export function substringRanges(text: string, needles: string[]): Range[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  const ranges: Range[] = [];
  for (const needle of needles.map((item) => item.toLowerCase()).filter(Boolean)) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length))
      ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** The window of about SNIPPET_LENGTH characters with the most matched characters, as parts. */
export function snippetAround(text: string, ranges: Range[]): TextPart[] {
  const merged = mergeRanges(ranges);
  const start = atWordStart(text, bestWindowStart(merged, text.length));
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const parts: TextPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let index = start;
  for (const [from, to] of merged) {
    if (to <= index) continue;
    if (from >= end) break;
    if (from > index) parts.push({ text: text.slice(index, from), match: false });
    parts.push({ text: text.slice(Math.max(from, index), Math.min(to, end)), match: true });
    index = Math.min(to, end);
  }
  if (index < end) parts.push({ text: text.slice(index, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/** Finds where a query's matched terms occur in a text. */
export type TermFinder = (text: string) => Range[];

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Prepares the matched words (one pattern) and CJK bigrams (a table) once per query, so each
 * snippet is one pass over its text instead of one pass per term.
 */
export function termFinder(matchedTerms: string[]): TermFinder {
  const latin = matchedTerms.filter((term) => !isCjkTerm(term)).sort((a, b) => b.length - a.length);
  const bigrams = matchedTerms.filter(isCjkTerm);
  // A bare alternation lets the regexp engine skip ahead by first letters; word edges are checked after.
  const words = latin.length > 0 ? new RegExp(latin.map(escape).join('|'), 'g') : null;
  // Bigrams by their two UTF-16 units, behind a table of first units: one pass over the text,
  // one array read per character, no string made per position.
  const firstUnits = new Uint8Array(bigrams.length > 0 ? 0x10000 : 0);
  const pairs = new Set<number>();
  for (const bigram of bigrams) {
    if (bigram.length !== 2) continue;
    firstUnits[bigram.charCodeAt(0)] = 1;
    pairs.add(bigram.charCodeAt(0) * 0x10000 + bigram.charCodeAt(1));
  }
  const latinSet = new Set(latin);
  return (text) => {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return [];
    const ranges: Range[] = [];
    if (words) {
      for (const match of lower.matchAll(words)) {
        const end = match.index + match[0].length;
        if (!isWordChar(lower[match.index - 1]) && !isWordChar(lower[end])) ranges.push([match.index, end]);
      }
      foldedWordRanges(text, latinSet, ranges);
    }
    if (pairs.size > 0) {
      for (let index = 0; index + 1 < lower.length; index++) {
        const unit = lower.charCodeAt(index);
        if (firstUnits[unit] && pairs.has(unit * 0x10000 + lower.charCodeAt(index + 1)))
          ranges.push([index, index + 2]);
      }
    }
    return ranges;
  };
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{Script=Latin}\p{N}]/u.test(char);

/** Words with accented or full-width letters, folded as the tokenizer folds them (é → e, Ｆ → f), then looked up. */
function foldedWordRanges(text: string, latin: Set<string>, ranges: Range[]): void {
  let searchedTo = 0;
  for (const match of text.matchAll(FOLDING_LETTER)) {
    if (match.index < searchedTo) continue;
    let start = match.index;
    while (start > 0 && isWordChar(text[start - 1])) start--;
    let end = match.index + 1;
    while (end < text.length && isWordChar(text[end])) end++;
    searchedTo = end;
    if (latin.has(foldLatin(normalizeText(text.slice(start, end))))) ranges.push([start, end]);
  }
}

/** Sorted, with overlapping and touching ranges joined. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The start of the window holding the most matched characters, a little before its first match. */
function bestWindowStart(ranges: Range[], length: number): number {
  if (length <= SNIPPET_LENGTH || ranges.length === 0) return 0;
  let best = 0;
  let bestCount = -1;
  let covered = 0;
  let last = 0;
  // A window starting at range i holds ranges i … last-1 (clipped at its end); two pointers, no per-character pass.
  for (let first = 0; first < ranges.length; first++) {
    const end = ranges[first]![0] + SNIPPET_LENGTH;
    while (last < ranges.length && ranges[last]![1] <= end) covered += ranges[last]![1] - ranges[last++]![0];
    const partial = last < ranges.length && ranges[last]![0] < end ? end - ranges[last]![0] : 0;
    if (covered + partial > bestCount) {
      bestCount = covered + partial;
      best = ranges[first]![0];
    }
    covered -= Math.min(ranges[first]![1], end) - ranges[first]![0];
    if (last === first) {
      last++;
      covered = 0;
    }
  }
  const start = best > LEAD ? best - LEAD : 0;
  return Math.max(0, Math.min(start, length - SNIPPET_LENGTH));
}

/** Moves a cut that falls inside a Latin word to the start of the next word ("…te removal" → "removal"). */
function atWordStart(text: string, start: number): number {
  if (start === 0) return 0;
  let index = start;
  while (
    index < text.length &&
    index - start < 20 &&
    /[A-Za-z0-9]/.test(text[index - 1] ?? '') &&
    /[A-Za-z0-9]/.test(text[index] ?? '')
  )
    index++;
  while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  return index - start < 25 ? index : start;
}
