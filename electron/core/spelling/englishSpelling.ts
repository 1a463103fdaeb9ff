import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

/** English spelling from the dictionary-en package (Hunspell en-US), checked in process: no network. */
export interface EnglishSpelling {
  isCorrect(word: string): boolean;
  /** The best corrections first, at most `limit` (5 unless told). */
  suggest(word: string, limit?: number): string[];
}

let loaded: EnglishSpelling | null = null;

/** The one English speller, loaded from the package files on first use (about 0.5 MB). */
export function englishSpelling(): EnglishSpelling {
  if (loaded) return loaded;
  const folder = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  const checker = nspell(readFileSync(join(folder, 'index.aff')), readFileSync(join(folder, 'index.dic')));
  loaded = {
    isCorrect: (word) => checker.correct(word),
    suggest: (word, limit = 5) => checker.suggest(word).slice(0, limit),
  };
  return loaded;
}
