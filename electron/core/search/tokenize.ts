/**
 * One tokenizer for both scripts, used for indexing and for queries alike.
 *
 * Latin words are NFKC-normalised (full-width → half-width), lower-cased and stripped of
 * diacritics. CJK runs (Han, kana, Hangul) are cut into overlapping bigrams, so any query of two or
 * more characters finds its text as a substring. Bigrams are re-spelled in a 16-letter private-use
 * alphabet so that minisearch's term tree stays narrow (fast to load) and no Latin prefix or fuzzy
 * search can ever reach them.
 */

export interface Run {
  kind: 'latin' | 'cjk';
  text: string;
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\u3005\\u3006';
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');
// A CJK run, or a word of letters and digits from any other script (so "38日元" is 38 + 日元).
const RUN = new RegExp(`([${CJK_CLASS}]+)|((?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK_CLASS}])\\p{L})+)*)`, 'gu');
const ENCODING_BASE = 0xe000;

/** NFKC + lower case: full-width letters and digits become ASCII, compatibility forms fold. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Removes diacritics from a Latin word (é → e); never applied to CJK, where it would break kana. */
export function foldLatin(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/['’]/g, '');
}

/** Splits text into Latin words and CJK runs, in order: "FBA移除订单" → FBA, 移除订单. */
export function splitRuns(text: string): Run[] {
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

/** Re-spells a CJK term in the private alphabet: 4 letters per UTF-16 code unit. */
export function encodeCjk(term: string): string {
  let encoded = '';
  for (let index = 0; index < term.length; index++) {
    const unit = term.charCodeAt(index);
    for (let shift = 12; shift >= 0; shift -= 4) encoded += String.fromCharCode(ENCODING_BASE + ((unit >> shift) & 0xf));
  }
  return encoded;
}

/** Reverses encodeCjk. */
export function decodeCjk(encoded: string): string {
  let decoded = '';
  for (let index = 0; index + 3 < encoded.length; index += 4) {
    let unit = 0;
    for (let offset = 0; offset < 4; offset++) unit = (unit << 4) | (encoded.charCodeAt(index + offset) - ENCODING_BASE);
    decoded += String.fromCharCode(unit);
  }
  return decoded;
}

/** True for a term produced by encodeCjk. */
export function isEncodedCjk(term: string): boolean {
  const first = term.charCodeAt(0);
  return first >= ENCODING_BASE && first < ENCODING_BASE + 16;
}

/** True when the text holds any CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The index terms of a text: Latin words, and encoded CJK bigrams. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(text)) {
    if (run.kind === 'latin') terms.push(run.text);
    else for (const gram of cjkBigrams(run.text)) terms.push(encodeCjk(gram));
  }
  return terms;
}
