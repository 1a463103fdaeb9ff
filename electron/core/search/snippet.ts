import type { TextPart } from '../../common/index.js';
import { foldLatin, isCjkTerm, normalizeText } from './tokenize.js';

const SNIPPET_LENGTH = 140;
/** Snippets come from the start of long articles: scanning all of each hit would slow every keystroke. */
const SCAN_CHARS = 8_000;

/**
 * Cuts a snippet of about SNIPPET_LENGTH characters around the densest cluster of matched terms
 * and marks those terms, as data the renderer can highlight without HTML.
 *
 * @example buildSnippet('Create a removal order in Seller Central', ['removal']) // → [..., { text: 'removal', match: true }, ...]
 */
export function buildSnippet(text: string, matchedTerms: string[]): TextPart[] {
  const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  return snippetAround(scanned, markMatches(scanned, matchedTerms));
}

/** Marks every case-insensitive occurrence of the needles (notes search, which has no term list). */
export function markSubstrings(text: string, needles: string[]): boolean[] {
  const marks = new Array<boolean>(text.length).fill(false);
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return marks;
  for (const needle of needles.map((item) => item.toLowerCase()).filter(Boolean)) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) marks.fill(true, at, at + needle.length);
  }
  return marks;
}

/** The window of about SNIPPET_LENGTH characters with the most marked characters, as parts. */
export function snippetAround(text: string, marks: boolean[]): TextPart[] {
  const start = atWordStart(text, bestWindowStart(marks, text.length));
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const parts: TextPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let index = start;
  while (index < end) {
    const match = marks[index] ?? false;
    let next = index;
    while (next < end && (marks[next] ?? false) === match) next++;
    parts.push({ text: text.slice(index, next), match });
    index = next;
  }
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/** Letters that fold to ASCII (accented Latin, full-width forms): where a plain indexOf would miss a word. */
const FOLDING_LETTERS = /[\u00C0-\u024F\u1E00-\u1EFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
/** Above this many terms (a one-character query stands for every bigram it starts) one look-up per position is cheaper. */
const MAX_SEARCHED_TERMS = 256;

/** Per character of `text`: does it belong to a matched word or CJK bigram? */
function markMatches(text: string, matchedTerms: string[]): boolean[] {
  const marks = new Array<boolean>(text.length).fill(false);
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return marks;
  const latin = matchedTerms.filter((term) => !isCjkTerm(term));
  const bigrams = matchedTerms.filter(isCjkTerm);
  if (latin.length > 0) {
    if (latin.length <= MAX_SEARCHED_TERMS && !FOLDING_LETTERS.test(text)) markWords(lower, latin, marks);
    else markWordsByFolding(text, new Set(latin), marks);
  }
  if (bigrams.length <= MAX_SEARCHED_TERMS) {
    for (const bigram of bigrams) for (let at = lower.indexOf(bigram); at !== -1; at = lower.indexOf(bigram, at + 1)) marks.fill(true, at, at + bigram.length);
  } else {
    const set = new Set(bigrams);
    for (let index = 0; index + 1 < lower.length; index++) if (set.has(lower.slice(index, index + 2))) marks.fill(true, index, index + 2);
  }
  return marks;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{Script=Latin}\p{N}]/u.test(char);

/** Whole-word occurrences of each term, found with indexOf in the lower-cased text. */
function markWords(lower: string, words: string[], marks: boolean[]): void {
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      if (!isWordChar(lower[at - 1]) && !isWordChar(lower[at + word.length])) marks.fill(true, at, at + word.length);
    }
  }
}

/** Every word of the text folded as the tokenizer folds it (é → e, full-width → ASCII), then looked up. */
function markWordsByFolding(text: string, latin: Set<string>, marks: boolean[]): void {
  for (const match of text.matchAll(/[\p{Script=Latin}\p{N}]+/gu)) {
    const word = match[0];
    const key = /^[\x21-\x7e]+$/.test(word) ? word.toLowerCase() : foldLatin(normalizeText(word));
    if (latin.has(key)) marks.fill(true, match.index, match.index + word.length);
  }
}

function bestWindowStart(marks: boolean[], length: number): number {
  if (length <= SNIPPET_LENGTH) return 0;
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let index = 0; index < length; index++) {
    if (marks[index]) count++;
    if (index >= SNIPPET_LENGTH && marks[index - SNIPPET_LENGTH]) count--;
    if (count > bestCount) {
      bestCount = count;
      best = Math.max(0, index - SNIPPET_LENGTH + 1);
    }
  }
  const first = marks.indexOf(true);
  // Start a little before the first match in the window, at a word edge where possible.
  const anchor = first >= best && first - best > 30 ? first - 30 : best;
  return Math.max(0, Math.min(anchor, length - SNIPPET_LENGTH));
}

/** Moves a cut that falls inside a Latin word to the start of the next word ("…te removal" → "removal"). */
function atWordStart(text: string, start: number): number {
  if (start === 0) return 0;
  let index = start;
  while (index < text.length && index - start < 20 && /[A-Za-z0-9]/.test(text[index - 1] ?? '') && /[A-Za-z0-9]/.test(text[index] ?? '')) index++;
  while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  return index - start < 25 ? index : start;
}
