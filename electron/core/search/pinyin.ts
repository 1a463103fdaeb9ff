/**
 * Pinyin for sellers who type without an input method: "fenghao", "yichu dingdan", initials "ycdd".
 * Titles, tags and glossary terms get their pinyin at index time (as Latin index terms, so the query
 * path needs no converter); queries only need to know whether their words look like pinyin.
 */
import { createRequire } from 'node:module';
import { splitRuns } from './tokenize.js';

type PinyinOf = (text: string) => string[];

/** Longest stretch of characters given pinyin; a title's runs are short, a body is never converted. */
const MAX_RUN_CHARS = 16;
/** Substrings of this many characters get their full pinyin ("移除" → yichu, "移除订单" → yichudingdan). */
const SPELLED_SPANS = [2, 3, 4] as const;
/** Initials only from three characters on: two letters ("dd") would match far too much. */
const MIN_INITIALS_CHARS = 3;
const MAX_INITIALS_CHARS = 6;

// Syllables as Hanyu Pinyin spells them: a consonant and a final, y/w spellings, or a bare vowel final
// ("an", "er"). ü is typed v and follows only n and l. Precise enough that "remov" is not pinyin.
const CONSONANT_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtgkhjqxrzcs])(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ui|ao|ou|iu|ie|an|en|in|un|ua|uo|ia|a|o|e|i|u)';
const NL_SYLLABLE = '[nl](?:iang|ang|eng|ing|ong|ian|iao|uan|ai|ei|ao|ou|iu|ie|ve|an|en|in|un|uo|ia|a|o|e|i|u|v)';
const YW_SYLLABLE = 'y(?:ang|ing|ong|uan|ao|ou|an|in|ue|un|a|o|e|i|u)|w(?:ang|eng|ai|ei|an|en|a|o|u)';
const VOWEL_SYLLABLE = '(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)';
const SYLLABLES = new RegExp(`^(?:${CONSONANT_SYLLABLE}|${NL_SYLLABLE}|${YW_SYLLABLE}|${VOWEL_SYLLABLE})+$`);
const INITIALS_ONLY = /^[bpmfdtnlgkhjqxrzcsyw]{3,6}$/;
/** Longer than any pinyin word worth checking; also keeps the pattern's backtracking small. */
const MAX_PINYIN_WORD = 24;

let converter: PinyinOf | null = null;

/** pinyin-pro takes ~100 ms to load: it is loaded the first time something is converted (build time, user folders). */
function pinyinOf(text: string): string[] {
  if (!converter) {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
    converter = (value) => pinyin(value, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
  }
  return converter(text);
}

/**
 * The pinyin index terms of short Chinese text (a title, tags, a glossary form): the full pinyin of
 * every 2–4 character stretch and the initials of every 3–6 character stretch of each Han run.
 *
 * @example pinyinTerms('创建移除订单') // includes 'yichu', 'dingdan', 'yichudingdan', 'ycdd'
 */
export function pinyinTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of splitRuns(text)) {
    if (run.kind !== 'cjk') continue;
    const chars = Array.from(run.text).slice(0, MAX_RUN_CHARS);
    const syllables = pinyinOf(chars.join(''));
    // Kana and Hangul have no pinyin; their stretch is skipped rather than misaligned.
    if (syllables.length !== chars.length) continue;
    for (let start = 0; start < chars.length; start++) {
      for (const span of SPELLED_SPANS)
        if (start + span <= chars.length) terms.add(syllables.slice(start, start + span).join(''));
      for (let span = MIN_INITIALS_CHARS; span <= MAX_INITIALS_CHARS && start + span <= chars.length; span++) {
        terms.add(
          syllables
            .slice(start, start + span)
            .map((syllable) => syllable[0])
            .join(''),
        );
      }
    }
  }
  return [...terms];
}

/** The full pinyin and (from three characters) the initials of a whole Chinese form: 移除订单 → yichudingdan, ycdd. */
export function pinyinForms(form: string): string[] {
  const chars = Array.from(form.replace(/\s+/g, ''));
  if (chars.length < 2 || chars.length > MAX_RUN_CHARS || !chars.every((char) => /\p{Script=Han}/u.test(char)))
    return [];
  const syllables = pinyinOf(chars.join(''));
  if (syllables.length !== chars.length) return [];
  const forms = [syllables.join('')];
  if (chars.length >= MIN_INITIALS_CHARS) forms.push(syllables.map((syllable) => syllable[0]).join(''));
  return forms;
}

/** True when a lower-case Latin word reads as pinyin syllables ("fenghao", "dingdan") or as initials ("ycdd"). */
export function looksLikePinyin(word: string): boolean {
  return word.length <= MAX_PINYIN_WORD && (SYLLABLES.test(word) || INITIALS_ONLY.test(word));
}
