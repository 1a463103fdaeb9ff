import { looksLikePinyin } from './pinyin.js';
import { CHINESE_EDGE_PARTICLES, CHINESE_QUESTION_WORDS, ENGLISH_STOP_WORDS } from './stopWords.js';
import type { GlossaryIndex } from './glossaryIndex.js';
import { canonicalize } from './glossaryIndex.js';
import { cjkBigrams, splitRuns } from './tokenize.js';

/** One index term of a query, with how loosely it may match. */
export interface PlannedTerm {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

/** Terms that must all match (a word, a CJK run, or one spelling of a glossary term). */
export interface Alternative {
  terms: PlannedTerm[];
  weight: number;
}

/** One thing the user asked for: any of its alternatives satisfies it. */
export interface QueryGroup {
  typed: string;
  /** The glossary term this group stands for, when it is one. */
  termId?: string;
  /** A CJK run of 3+ characters: its bigrams can all occur apart, so matches are checked for the run itself. */
  mustContain: string | null;
  alternatives: Alternative[];
}

export interface PlanOptions {
  /** 1 for the first pass; 2 widens fuzzy matching when the first pass finds too little. */
  fuzzyLevel: 1 | 2;
  /** Words the library does not contain as typed: surely misspelt, so they get the wider fuzzy at once. */
  unknownWords?: ReadonlySet<string>;
  /**
   * How loosely Latin words may match, for the ranking tiers: 'exact' (as typed), 'prefix' (the word
   * being typed may be completed), 'typo' (completions and near spellings). Default 'typo'.
   */
  looseness?: Looseness;
  /** Splits CJK runs into one group per bigram, so an article covering part of a long question matches (the partial pass). */
  splitCjkRuns?: boolean;
}

export type Looseness = 'exact' | 'prefix' | 'typo';

const MIN_PREFIX_LENGTH = 3;
const MIN_FUZZY_LENGTH = 5;
const MIN_UNKNOWN_FUZZY_LENGTH = 4;
const MIN_SWAP_LENGTH = 4;
const SWAP_WEIGHT = 0.8;
const SYNONYM_WEIGHT = 0.7;

/**
 * Turns query text into groups: glossary terms (expanded to every synonym and language),
 * then the remaining Latin words and CJK runs.
 *
 * @example planQuery('FBA移除订单', glossary, { fuzzyLevel: 1 }).map((group) => group.typed)
 *   // → ['移除订单', 'fba']
 */
export function planQuery(text: string, glossary: GlossaryIndex, options: PlanOptions): QueryGroup[] {
  const canonical = canonicalize(text);
  const stillTyping = /[\p{L}\p{N}]$/u.test(text);
  const pinyinTerms = wholePinyinTerms(canonical, glossary);
  const { matches, remainder } = pinyinTerms
    ? { matches: pinyinTerms, remainder: '' }
    : findGlossaryForms(canonical, glossary);
  const groups: QueryGroup[] = matches.map((match) => {
    const forms = glossary.formsOf.get(match.termId) ?? [];
    // A form that only finds the term (pinyin, initials) is searched as typed too: "asin" may be initials and a word.
    const expansions = forms.includes(match.typed) ? forms : [match.typed, ...forms];
    return {
      typed: match.typed,
      termId: match.termId,
      mustContain: null,
      alternatives: expansions.map((form) => ({
        terms: exactTerms(form),
        weight: form === match.typed ? 1 : SYNONYM_WEIGHT,
      })),
    };
  });
  const runs = splitRuns(withoutQuestionWords(remainder, canonical, groups.length > 0));
  const meaningful = runs.filter((run) => run.kind === 'cjk' || !ENGLISH_STOP_WORDS.has(run.text));
  const kept = meaningful.length > 0 || groups.length > 0 ? meaningful : runs;
  const looseness = options.looseness ?? 'typo';
  for (const run of kept) {
    if (run.kind === 'cjk' && options.splitCjkRuns && Array.from(run.text).length >= 3) {
      for (const gram of cjkBigrams(run.text))
        groups.push({ typed: gram, mustContain: null, alternatives: [{ terms: cjkTerms(gram), weight: 1 }] });
      continue;
    }
    const isLast = run === runs.at(-1) && stillTyping && canonical.endsWith(run.text);
    const unknown = run.kind === 'latin' && (options.unknownWords?.has(run.text) ?? false);
    const terms =
      run.kind === 'cjk'
        ? cjkTerms(run.text)
        : [loosened(latinTerm(run.text, isLast, options.fuzzyLevel, unknown), looseness)];
    const swapped =
      looseness === 'typo' && unknown && run.text.length >= MIN_SWAP_LENGTH
        ? transpositions(run.text).map((variant) => ({
            terms: [{ ...latinTerm(variant, isLast, 1, false), fuzzy: 1 }],
            weight: SWAP_WEIGHT,
          }))
        : [];
    groups.push({
      typed: run.text,
      mustContain: run.kind === 'cjk' && Array.from(run.text).length >= 3 ? run.text : null,
      alternatives: [{ terms, weight: 1 }, ...swapped],
    });
  }
  return withPinyinJoin(groups, canonical, looseness);
}

/** A term with the looseness of the tier being searched. */
function loosened(term: PlannedTerm, looseness: Looseness): PlannedTerm {
  if (looseness === 'typo') return term;
  return { ...term, fuzzy: 0, prefix: looseness === 'prefix' && term.prefix };
}

/**
 * Pinyin typed in separate syllables or words ("feng hao", "yichu dingdan") also matches as one
 * word ("fenghao"), the way titles and glossary terms carry their pinyin in the index.
 */
function withPinyinJoin(groups: QueryGroup[], canonical: string, looseness: Looseness): QueryGroup[] {
  const words = canonical.split(' ');
  if (words.length < 2 || groups.length !== words.length || !words.every(looksLikePinyin)) return groups;
  const joined = words.join('');
  const allWords = { terms: groups.flatMap((group) => group.alternatives[0]!.terms), weight: 1 };
  const asOne = { terms: [loosened(latinTerm(joined, false, 1, false), looseness)], weight: 1 };
  return [{ typed: canonical, mustContain: null, alternatives: [asOne, allWords] }];
}

/**
 * Levenshtein counts swapped neighbours ("recieve") as two edits; for a misspelt word each
 * swap is tried back, so a swap plus one more slip is still found.
 */
function transpositions(word: string): string[] {
  const variants = new Set<string>();
  for (let index = 0; index + 1 < word.length; index++) {
    if (word[index] !== word[index + 1])
      variants.add(word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2));
  }
  return [...variants];
}

/** Questions are longer than this; shorter Chinese queries keep their exact substring meaning. */
const MIN_QUESTION_CHARS = 5;

/** Cuts Chinese question words out of a question-length query, unless nothing else would be left. */
function withoutQuestionWords(text: string, query: string, glossaryFound: boolean): string {
  if (Array.from(query.replace(/[^\p{Script=Han}]/gu, '')).length < MIN_QUESTION_CHARS) return text;
  let result = text;
  for (const word of CHINESE_QUESTION_WORDS) result = result.split(word).join(' ');
  result = result.replace(/\p{Script=Han}+/gu, trimParticles);
  // Only question words left: the glossary terms found are the question ("账号被封了怎么办"); with none, keep the words.
  return glossaryFound || splitRuns(result).length > 0 ? result : text;
}

function trimParticles(run: string): string {
  const chars = Array.from(run);
  let start = 0;
  let end = chars.length;
  while (start < end && CHINESE_EDGE_PARTICLES.has(chars[start]!)) start++;
  while (end > start && CHINESE_EDGE_PARTICLES.has(chars[end - 1]!)) end--;
  return start === 0 && end === chars.length ? run : ` ${chars.slice(start, end).join('')} `;
}

/**
 * Words of 5+ letters may have typos (one edit, two when widening from 8 letters). A word the
 * library does not hold is surely misspelt: it gets two edits from 6 letters, and one from 4.
 */
function latinTerm(word: string, isLast: boolean, fuzzyLevel: 1 | 2, unknown: boolean): PlannedTerm {
  const widest = word.length >= 6 ? 2 : 1;
  const fuzzy = /\d/.test(word)
    ? 0
    : unknown
      ? word.length >= MIN_UNKNOWN_FUZZY_LENGTH
        ? widest
        : 0
      : word.length < MIN_FUZZY_LENGTH
        ? 0
        : word.length >= 8
          ? fuzzyLevel
          : Math.min(fuzzyLevel, widest);
  return { term: word, prefix: isLast && word.length >= MIN_PREFIX_LENGTH, fuzzy };
}

/** A CJK run as exact bigram terms; a lone character matches every term it starts. */
function cjkTerms(run: string): PlannedTerm[] {
  return cjkBigrams(run).map((gram) => ({ term: gram, prefix: Array.from(gram).length === 1, fuzzy: 0 }));
}

/** The exact index terms of a glossary form. */
function exactTerms(form: string): PlannedTerm[] {
  return splitRuns(form).flatMap((run) =>
    run.kind === 'cjk' ? cjkTerms(run.text) : [{ term: run.text, prefix: false, fuzzy: 0 }],
  );
}

/** Pinyin typed in pieces ("feng hao", "yichu dingdan") that spells one glossary term as a whole. */
function wholePinyinTerms(canonical: string, glossary: GlossaryIndex): { typed: string; termId: string }[] | null {
  const words = canonical.split(' ');
  if (words.length < 2 || !words.every(looksLikePinyin)) return null;
  const joined = words.join('');
  const termIds = glossary.termsOfForm.get(joined);
  return termIds ? termIds.map((termId) => ({ typed: joined, termId })) : null;
}

/** Finds glossary forms in the canonical query, longest first, without overlaps. */
function findGlossaryForms(
  canonical: string,
  glossary: GlossaryIndex,
): { matches: { typed: string; termId: string }[]; remainder: string } {
  const taken = new Array<boolean>(canonical.length).fill(false);
  const matches: { typed: string; termId: string; at: number }[] = [];
  for (const form of glossary.forms) {
    let at = canonical.indexOf(form.canonical);
    while (at !== -1) {
      const end = at + form.canonical.length;
      // Overlapping forms are all kept while each adds a character ("多账号被封" → 多账号 + 账号被封).
      if (atWordEdges(canonical, at, end) && !taken.slice(at, end).every(Boolean)) {
        taken.fill(true, at, end);
        if (!matches.some((match) => match.termId === form.termId))
          matches.push({ typed: form.canonical, termId: form.termId, at });
      }
      at = canonical.indexOf(form.canonical, at + 1);
    }
  }
  const remainder = Array.from(canonical, (char, index) => (taken[index] ? ' ' : char)).join('');
  return { matches: matches.sort((a, b) => a.at - b.at), remainder };
}

/** Latin forms must start and end on word edges; CJK forms may sit anywhere in a run. */
function atWordEdges(text: string, start: number, end: number): boolean {
  const isLatin = (char: string | undefined) => char !== undefined && /[a-z0-9]/.test(char);
  const startsOk = !isLatin(text[start]) || !isLatin(text[start - 1]);
  const endsOk = !isLatin(text[end - 1]) || !isLatin(text[end]);
  return startsOk && endsOk;
}
