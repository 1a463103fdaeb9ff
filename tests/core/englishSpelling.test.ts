import { describe, expect, it } from 'vitest';
import { englishSpelling } from '../../electron/core/spelling/englishSpelling.js';

describe('English spelling from the bundled dictionary', () => {
  it('accepts correct words, American and British, and any capitalisation of them', () => {
    const spelling = englishSpelling();
    for (const word of [
      'receive',
      'authorization',
      'authorisation',
      'catalogue',
      'fulfilment',
      'apologise',
      'Amazon',
      'Shipment',
    ])
      expect([word, spelling.isCorrect(word)]).toEqual([word, true]);
  });

  it('rejects misspelt words and suggests the right one first', () => {
    const spelling = englishSpelling();
    expect(spelling.isCorrect('recieve')).toBe(false);
    expect(spelling.suggest('recieve', 3)[0]).toBe('receive');
    expect(spelling.suggest('recieve', 1)).toHaveLength(1);
    expect(spelling.suggest('receive')).toEqual([]);
  });

  it('loads the dictionary once and shares it', () => {
    expect(englishSpelling()).toBe(englishSpelling());
  });
});
