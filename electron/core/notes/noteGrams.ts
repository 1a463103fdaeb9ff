const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const MAX_GRAMS_PER_NOTE = 50_000;

/** The distinct CJK characters and bigrams of a note, for 1–2 character queries that trigram FTS cannot match. */
export function noteGrams(text: string): Set<string> {
  const grams = new Set<string>();
  const chars = Array.from(text.toLowerCase());
  for (let index = 0; index < chars.length && grams.size < MAX_GRAMS_PER_NOTE; index++) {
    const char = chars[index]!;
    if (!CJK.test(char)) continue;
    grams.add(char);
    const next = chars[index + 1];
    if (next && CJK.test(next)) grams.add(char + next);
  }
  return grams;
}
