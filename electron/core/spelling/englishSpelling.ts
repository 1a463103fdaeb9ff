import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import nspell from 'nspell';

/** English spell checking from the bundled Hunspell dictionary (dictionary-en); no network. */
export interface EnglishSpelling {
  /** True for a correctly spelt word (US spelling, or the British forms the library's letters use). */
  isCorrect(word: string): boolean;
  /** Up to `limit` corrections for a word, best first (empty for a correct word). */
  suggest(word: string, limit?: number): string[];
}

let appFolder: string | null = null;
let loaded: EnglishSpelling | null = null;

/**
 * Where to look for node_modules/dictionary-en (the app's folder); the core sets it when it opens.
 * Without it the dictionary is looked for from the working folder.
 */
export function useDictionaryFrom(folder: string): void {
  appFolder = resolve(folder);
}

/** The folder of the dictionary-en package, found the way Node finds packages: from the app's folder, the running script, or the working folder. */
function dictionaryFolder(): string {
  const starts = [
    appFolder && join(appFolder, 'package.json'),
    process.argv[1],
    join(process.cwd(), 'package.json'),
  ].filter((start): start is string => Boolean(start));
  for (const start of starts) {
    try {
      return dirname(createRequire(resolve(start)).resolve('dictionary-en'));
    } catch {
      // Not installed above this place; try the next.
    }
  }
  throw new Error(
    `Spelling: the English dictionary (package dictionary-en) is not installed above ${starts.join(' or ')}`,
  );
}

// The library's letters are written in British English; the dictionary is American.
const BRITISH_FORMS: [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|es|ed|ing)$/, 'iz$1'],
  [/yse(s|d)?$/, 'yze$1'],
  [/our(s|ed|ing|able|ite|ites)?$/, 'or$1'],
  [/ogue(s?)$/, 'og$1'],
  [/lment(s?)$/, 'llment$1'],
  [/ence$/, 'ense'],
  [/tre(s?)$/, 'ter$1'],
  [/lled$/, 'led'],
  [/lling$/, 'ling'],
];

/** The dictionary, loaded from the package files the first time it is needed, then shared. */
export function englishSpelling(): EnglishSpelling {
  if (loaded) return loaded;
  const folder = dictionaryFolder();
  const checker = nspell({
    aff: readFileSync(join(folder, 'index.aff')),
    dic: readFileSync(join(folder, 'index.dic')),
  });
  const correctAsIs = (word: string) => checker.correct(word) || checker.correct(word.toLowerCase());
  loaded = {
    isCorrect(word) {
      const trimmed = word.trim().replace(/’/g, "'");
      if (trimmed === '' || correctAsIs(trimmed)) return true;
      return BRITISH_FORMS.some(
        ([ending, american]) => ending.test(trimmed) && correctAsIs(trimmed.replace(ending, american)),
      );
    },
    suggest(word, limit = 5) {
      if (loaded!.isCorrect(word)) return [];
      return checker.suggest(word.trim()).slice(0, Math.max(0, limit));
    },
  };
  return loaded;
}
