/**
 * One tokenizer for both scripts, used for indexing and for queries alike.
 *
 * Latin words are NFKC-normalised (full-width → half-width), lower-cased and stripped of
 * diacritics. CJK runs (Han, kana, Hangul) are cut into overlapping bigrams, so any query of two or
 * more characters finds its text as a substring; the last character of a run is indexed alone too,
 * so every character of a run starts some term and a one-character query finds them all.
 */

export interface Run {
  kind: 'latin' | 'cjk';
  text: string;
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\u3005\\u3006';
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');
// A CJK run, or a word of letters and digits from any other script (so "38日元" is 38 + 日元).
const RUN = new RegExp(
  `([${CJK_CLASS}]+)|((?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK_CLASS}])\\p{L})+)*)`,
  'gu',
);

const CJK_START = new RegExp(`^[${CJK_CLASS}]`, 'u');
const NOT_ASCII = /[^\0-\x7f]/;
// RUN's Latin words in lower-cased ASCII text, which holds no CJK, no other letters or digits, no ’.
const ASCII_WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/** NFKC + lower case: full-width letters and digits become ASCII, compatibility forms fold. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Removes diacritics from a Latin word (é → e); never applied to CJK, where it would break kana. */
export function foldLatin(word: string): string {
  // Most words are plain ASCII, which has no diacritics to decompose: only apostrophes go.
  if (isAscii(word)) return withoutApostrophes(word);
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]/g, '');
}

function isAscii(text: string): boolean {
  return !NOT_ASCII.test(text);
}

function withoutApostrophes(word: string): string {
  return word.includes("'") ? word.replaceAll("'", '') : word;
}

/**
 * The words of plain ASCII text (most English text), as splitRuns would find them: NFKC leaves
 * ASCII alone and there is no CJK run, so a simpler pattern does, and only apostrophes need folding.
 */
function asciiWords(text: string): string[] {
  return (text.toLowerCase().match(ASCII_WORD) ?? []).map(withoutApostrophes);
}

/** Splits text into Latin words and CJK runs, in order: "FBA移除订单" → FBA, 移除订单. */
export function splitRuns(text: string): Run[] {
  if (isAscii(text)) return asciiWords(text).map((word) => ({ kind: 'latin', text: word }));
  const runs: Run[] = [];
  for (const match of normalizeText(text).matchAll(RUN)) {
    if (match[1]) runs.push({ kind: 'cjk', text: match[1] });
    else if (match[2]) runs.push({ kind: 'latin', text: foldLatin(match[2]) });
  }
  return runs;
}

/** Overlapping bigrams of a CJK run; a lone character stays a unigram. */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) grams.push(chars[index]! + chars[index + 1]!);
  return grams;
}

/** True when the text holds any CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** True for a CJK index term (a bigram or a run's last character), false for a Latin word. */
export function isCjkTerm(term: string): boolean {
  return CJK_START.test(term);
}

/** Receives a text's index terms in order: Latin words as text, CJK terms as code points. */
export interface TermSink {
  latin(word: string): void;
  /** A bigram, or a run's last character alone (second = 0). */
  cjk(first: number, second: number): void;
}

/**
 * The index terms of a text (see indexTerms), handed to `sink` as found: the segment builder
 * numbers CJK terms, most terms, by their code points without making a string for each.
 */
export function emitIndexTerms(text: string, sink: TermSink): void {
  if (isAscii(text)) {
    for (const word of asciiWords(text)) sink.latin(word);
    return;
  }
  for (const run of splitRuns(text)) {
    if (run.kind === 'latin') sink.latin(run.text);
    else emitCjkRun(run.text, sink);
  }
}

function emitCjkRun(run: string, sink: TermSink): void {
  let first = run.codePointAt(0)!;
  let at = codeUnits(first);
  while (at < run.length) {
    const second = run.codePointAt(at)!;
    sink.cjk(first, second);
    first = second;
    at += codeUnits(second);
  }
  sink.cjk(first, 0);
}

/** How many UTF-16 code units spell the code point: 2 for an astral character. */
function codeUnits(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** The index terms of a text: Latin words, CJK bigrams, and the last character of each CJK run. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  emitIndexTerms(text, {
    latin: (word) => terms.push(word),
    cjk: (first, second) => terms.push(String.fromCodePoint(first) + (second ? String.fromCodePoint(second) : '')),
  });
  return terms;
}
