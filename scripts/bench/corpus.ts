/**
 * A seeded, synthetic bilingual corpus for the search benchmark: about half Chinese, 45% English
 * and 5% Japanese articles, built from a seller-support domain vocabulary plus filler text with a
 * Zipf-like frequency (a few very common words, a long tail of rare ones). Same seed, same corpus.
 */

import { EN_COMMON, EN_DOMAIN, JA_GLUE, JA_WORDS, SYLLABLES, ZH_COMMON, ZH_DOMAIN, ZH_LATIN } from './vocabulary.js';

export type BenchLang = 'zh' | 'en' | 'ja';

export interface BenchDoc {
  id: string;
  lang: BenchLang;
  title: string;
  /** Tags joined by one space (every engine indexes a string). */
  tags: string;
  summary: string;
  body: string;
}

export type Rng = () => number;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Picks from `items` with weight 1/rank^s (rank from 1): the first items are the common ones. */
export function zipf<T>(items: readonly T[], s = 1): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank++) cumulative.push((total += 1 / rank ** s));
  return (rng) => {
    const target = rng() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}

/** The long tail: seeded pseudo-words (product names, brands, rare terms), each rarely used. */
function tailWords(rng: Rng, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const syllables = int(rng, 2, 4);
    for (let index = 0; index < syllables; index++) word += pick(rng, SYLLABLES);
    if (word.length >= 5) words.add(word);
  }
  return [...words];
}

/** Filler Chinese "words" of 1–3 common characters, to be drawn with a Zipf-like frequency. */
function zhFillerWords(rng: Rng, count: number): string[] {
  const chars = Array.from(ZH_COMMON);
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = rng() < 0.35 ? 1 : rng() < 0.8 ? 2 : 3;
    let word = '';
    for (let letter = 0; letter < length; letter++) word += chars[Math.floor(rng() * rng() * chars.length)]!;
    words.push(word);
  }
  return words;
}

interface Vocab {
  zhFiller: (rng: Rng) => string;
  zhDomain: (rng: Rng) => string;
  enCommon: (rng: Rng) => string;
  enDomain: (rng: Rng) => string;
  enTail: readonly string[];
}

function zhText(rng: Rng, vocab: Vocab, chars: number, punctuate: boolean): string {
  let text = '';
  let sinceComma = 0;
  while (text.length < chars) {
    const roll = rng();
    if (roll < 0.03) text += ` ${rng() < 0.5 ? pick(rng, ZH_LATIN) : vocab.enDomain(rng)} `;
    else text += roll < 0.2 ? vocab.zhDomain(rng) : vocab.zhFiller(rng);
    if (punctuate && ++sinceComma > int(rng, 6, 14)) {
      text += rng() < 0.6 ? '，' : '。';
      sinceComma = 0;
    }
  }
  return punctuate ? `${text}。` : text;
}

function enWord(rng: Rng, vocab: Vocab): string {
  const roll = rng();
  return roll < 0.6 ? vocab.enCommon(rng) : roll < 0.9 ? vocab.enDomain(rng) : pick(rng, vocab.enTail);
}

function enText(rng: Rng, vocab: Vocab, words: number): string {
  const sentences: string[] = [];
  let written = 0;
  while (written < words) {
    const length = int(rng, 8, 20);
    const sentence = Array.from({ length }, () => enWord(rng, vocab)).join(' ');
    sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    written += length;
  }
  return sentences.join(' ');
}

function jaText(rng: Rng, chars: number): string {
  let text = '';
  while (text.length < chars) text += pick(rng, JA_WORDS) + pick(rng, JA_GLUE) + (rng() < 0.15 ? '。' : '');
  return `${text}。`;
}

function makeDoc(rng: Rng, vocab: Vocab, index: number): BenchDoc {
  const roll = rng();
  const lang: BenchLang = roll < 0.5 ? 'zh' : roll < 0.95 ? 'en' : 'ja';
  const id = `${lang}-${String(index).padStart(6, '0')}`;
  if (lang === 'zh') {
    return {
      id,
      lang,
      title: zhText(rng, vocab, int(rng, 8, 20), false),
      tags: Array.from({ length: int(rng, 2, 4) }, () => vocab.zhDomain(rng)).join(' '),
      summary: zhText(rng, vocab, int(rng, 40, 80), true),
      body: zhText(rng, vocab, int(rng, 600, 1500), true),
    };
  }
  if (lang === 'en') {
    const title = Array.from({ length: int(rng, 5, 10) }, () => enWord(rng, vocab)).join(' ');
    return {
      id,
      lang,
      title: `${title[0]!.toUpperCase()}${title.slice(1)}`,
      tags: Array.from({ length: int(rng, 2, 4) }, () => vocab.enDomain(rng)).join(' '),
      summary: enText(rng, vocab, int(rng, 20, 40)),
      body: enText(rng, vocab, int(rng, 300, 700)),
    };
  }
  return {
    id,
    lang,
    title: jaText(rng, int(rng, 8, 20)),
    tags: Array.from({ length: int(rng, 2, 3) }, () => pick(rng, JA_WORDS)).join(' '),
    summary: jaText(rng, int(rng, 40, 80)),
    body: jaText(rng, int(rng, 500, 1200)),
  };
}

/** The shared vocabulary of a seed (the tail grows with the corpus so rare words stay rare). */
export function makeVocab(seed: number, size: number): Vocab {
  const rng = mulberry32(seed ^ 0x5eed);
  return {
    zhFiller: zipf(zhFillerWords(rng, 3000), 1),
    zhDomain: zipf(ZH_DOMAIN, 0.6),
    enCommon: zipf(EN_COMMON, 1),
    enDomain: zipf(EN_DOMAIN, 0.6),
    enTail: tailWords(rng, Math.max(2000, size * 4)),
  };
}

/** N articles, deterministic for a given seed. */
export function generateCorpus(size: number, seed = 42): BenchDoc[] {
  const vocab = makeVocab(seed, size);
  const rng = mulberry32(seed);
  return Array.from({ length: size }, (_, index) => makeDoc(rng, vocab, index));
}

/** Bilingual note bodies of 100–400 characters for the notebook benchmark. */
export function noteBody(rng: Rng, vocab: Vocab): string {
  const target = int(rng, 100, 400);
  let body = '';
  while (body.length < target) {
    body += rng() < 0.6 ? zhText(rng, vocab, int(rng, 10, 40), true) : ` ${enText(rng, vocab, int(rng, 5, 12))} `;
  }
  return body.slice(0, 400).trim();
}
