import type { KbApi } from '../../common/index.js';
import { KbError } from '../../common/index.js';
import { englishSpelling } from './englishSpelling.js';

const MAX_WORD = 40;
const SUGGESTIONS = 5;

/** Spelling through the contract, so the desktop menu (and any door) asks the core, not the dictionary directly. */
export function spellingHandlers(): Pick<KbApi, 'checkSpelling'> {
  return {
    checkSpelling: async (request) => {
      const word = request?.word;
      if (
        typeof word !== 'string' ||
        word.length === 0 ||
        word.length > MAX_WORD ||
        !/^[A-Za-z][A-Za-z']*$/.test(word)
      ) {
        throw new KbError('INVALID_INPUT', `Spelling: "word" must be one English word of 1 to ${MAX_WORD} letters`);
      }
      const spelling = englishSpelling();
      const correct = spelling.isCorrect(word);
      return { word, correct, suggestions: correct ? [] : spelling.suggest(word, SUGGESTIONS) };
    },
  };
}
