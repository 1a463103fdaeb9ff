/**
 * The segment builder, the term weigher and the tokenizer's fast paths checked against small,
 * straightforward reference implementations (the algorithms they replaced, kept only here): for any
 * input, the segment file must come out the same byte for byte, so nothing found or ranked changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegmentParts, type SearchDocument } from '../../electron/core/search/articleSearch.js';
import { cjkKey, mergeSegmentParts, WEIGHT_SCALE, type SegmentParts } from '../../electron/core/search/segment.js';
import { writeSegment } from '../../electron/core/search/segmentFile.js';
import { foldLatin, indexTerms, isCjkTerm, splitRuns } from '../../electron/core/search/tokenize.js';
import { generateCorpus } from '../../scripts/bench/corpus.js';

// ——— The reference tokenizer: one regular expression and Unicode normalisation for every word. ———

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\u3005\\u3006';
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');
const RUN = new RegExp(
  `([${CJK_CLASS}]+)|((?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+(?:['’](?:(?![${CJK_CLASS}])\\p{L})+)*)`,
  'gu',
);

function referenceFoldLatin(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]/g, '');
}

function referenceSplitRuns(text: string): { kind: 'latin' | 'cjk'; text: string }[] {
  return [...text.normalize('NFKC').toLowerCase().matchAll(RUN)].map((match) =>
    match[1] ? { kind: 'cjk', text: match[1] } : { kind: 'latin', text: referenceFoldLatin(match[2]!) },
  );
}

function referenceIndexTerms(text: string): string[] {
  return referenceSplitRuns(text).flatMap((run) => {
    if (run.kind === 'latin') return [run.text];
    const chars = Array.from(run.text);
    return [...chars.slice(0, -1).map((char, index) => char + chars[index + 1]), chars.at(-1)!];
  });
}

const referenceIsCjkTerm = (term: string) => CJK_CHAR.test(String.fromCodePoint(term.codePointAt(0) ?? 0));

// ——— The reference builder: a Map per field and per document, a list per term, sorted terms looked up again. ———
// The boosts and BM25+ constants are those of articleSearch.ts and termWeights.ts: tune both together.

const FIELD_BOOST = { title: 4, tags: 3, summary: 2, body: 1, pinyin: 2 } as const;
const [K1, B, DELTA] = [1.2, 0.7, 0.5];
const CODE_POINTS = 0x110000;

class ReferenceBuilder {
  readonly ids: string[] = [];
  readonly postings = new Map<string, { docs: number[]; weights: number[] }>();

  addDocument(id: string, weights = new Map<string, number>()): number {
    const doc = this.ids.push(id) - 1;
    for (const [term, weight] of weights) this.addPosting(term, doc, weight);
    return doc;
  }

  addPosting(term: string, doc: number, weight: number): void {
    if (!this.postings.has(term)) this.postings.set(term, { docs: [], weights: [] });
    this.postings.get(term)!.docs.push(doc);
    this.postings.get(term)!.weights.push(Math.min(255, Math.max(1, Math.round(weight))));
  }

  buildParts(): SegmentParts {
    const terms = [...this.postings.keys()];
    const cjkKeys = Float64Array.from(terms.filter(referenceIsCjkTerm).map(cjkKey)).sort();
    const latinTerms = terms.filter((term) => !referenceIsCjkTerm(term)).sort();
    const termOf = (key: number) =>
      String.fromCodePoint(Math.floor(key / CODE_POINTS)) +
      (key % CODE_POINTS ? String.fromCodePoint(key % CODE_POINTS) : '');
    const lists = [...Array.from(cjkKeys, termOf), ...latinTerms].map((term) => this.postings.get(term)!);
    const offsets = Uint32Array.from([0, ...lists.map((list) => list.docs.length)]);
    for (let index = 1; index < offsets.length; index++) offsets[index]! += offsets[index - 1]!;
    const docs = Uint32Array.from(lists.flatMap((list) => list.docs));
    const weights = Uint8Array.from(lists.flatMap((list) => list.weights));
    return { ids: this.ids, cjkKeys, latinTerms, offsets, docs, weights };
  }
}

function referenceTermWeights(fields: { terms: string[]; boost: number }[], averages: number[]): Map<string, number> {
  const weights = new Map<string, number>();
  fields.forEach((field, index) => {
    const counts = new Map<string, number>();
    for (const term of field.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * field.terms.length) / Math.max(1, averages[index] ?? 1));
    for (const [term, count] of counts) {
      const score = field.boost * (DELTA + (count * (K1 + 1)) / (count + norm));
      weights.set(term, (weights.get(term) ?? 0) + score * WEIGHT_SCALE);
    }
  });
  return weights;
}

function referenceSegmentParts(batch: SearchDocument[]): SegmentParts {
  const documents = [...new Map(batch.map((document) => [document.id, document])).values()];
  const fields = Object.keys(FIELD_BOOST) as (keyof typeof FIELD_BOOST)[];
  const tokenized = documents.map((document) =>
    fields.map((field) => ({ terms: referenceIndexTerms(document[field] ?? ''), boost: FIELD_BOOST[field] })),
  );
  const averages = fields.map(
    (_, index) =>
      tokenized.reduce((total, document) => total + document[index]!.terms.length, 0) / Math.max(1, documents.length),
  );
  const builder = new ReferenceBuilder();
  documents.forEach((document, index) =>
    builder.addDocument(document.id, referenceTermWeights(tokenized[index]!, averages)),
  );
  return builder.buildParts();
}

function referenceMerge(sources: { parts: SegmentParts; alive: Uint8Array }[], keep: (id: string) => boolean) {
  const builder = new ReferenceBuilder();
  const renumbered = sources.map(({ parts, alive }) =>
    parts.ids.map((id, doc) => (alive[doc] && keep(id) ? builder.addDocument(id) : -1)),
  );
  sources.forEach(({ parts }, source) => {
    const terms = [...Array.from(parts.cjkKeys, (key) => referenceTermText(key)), ...parts.latinTerms];
    terms.forEach((term, number) => {
      for (let at = parts.offsets[number]!; at < parts.offsets[number + 1]!; at++) {
        const doc = renumbered[source]![parts.docs[at]!]!;
        if (doc >= 0) builder.addPosting(term, doc, parts.weights[at]!);
      }
    });
  });
  return builder.buildParts();
}

function referenceTermText(key: number): string {
  const second = key % CODE_POINTS;
  return String.fromCodePoint((key - second) / CODE_POINTS) + (second ? String.fromCodePoint(second) : '');
}

// ——— Random bilingual text: the scripts, forms and edge cases the tokenizer treats apart. ———

const FRAGMENTS = [
  ...['FBA', 'removal', 'Order', 'ORDER', 'order', 'x2', '42', '3.5', 'e-mail'],
  ...["seller's", 'don’t', "o'neil's", "rock'n9", "'quoted'", '’', "'"],
  ...['Café', 'ÉCOLE', 'naïve', 'e\u0301', 'Ångström', 'İstanbul', 'Straße', 'ﬁle', 'Ωμέγα', 'Привет'],
  ...['ＯＤＲ', 'ＦＢＡ', '１２３', '３８日元'],
  ...['移除订单', '订单', '单', '日本語', 'ひらがな', 'カタカナー', '々', '〆', '한국어', 'ｶﾀｶﾅ', '\uF900', '\u2F00'],
  ...['𠮷野家', '𠮷', '😀', '\ud800', '\udc00'],
  ...[' ', ' ', '\n', ',', '.', '·', '\u00ad', '\u200b'],
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const document = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    title: text,
    tags: text,
    summary: text,
    body: text,
    pinyin: text,
  },
  { requiredKeys: ['id', 'title', 'tags', 'summary', 'body'] },
);
const batch = fc.array(document, { maxLength: 8 });

const bytesOf = (parts: SegmentParts) => Buffer.from(writeSegment(parts));

describe('the tokenizer', () => {
  it('folds every word as the full Unicode path does, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), text), (word) => {
        expect(foldLatin(word)).toBe(referenceFoldLatin(word));
      }),
      { numRuns: 500 },
    );
  });

  it('splits and indexes any text as the reference does, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'binary' })), (input) => {
        expect(splitRuns(input)).toEqual(referenceSplitRuns(input));
        expect(indexTerms(input)).toEqual(referenceIndexTerms(input));
      }),
      { numRuns: 500 },
    );
  });

  it('indexes a pasted CJK run of a million characters without running out of stack', () => {
    const terms = indexTerms('移除订单'.repeat(250_000));
    expect([terms.length, terms[0], terms.at(-2), terms.at(-1)]).toEqual([1_000_000, '移除', '订单', '单']);
  });

  it('tells CJK terms apart as the reference does, for every code point', () => {
    const differ: number[] = [];
    for (let code = 0; code < CODE_POINTS; code++) {
      const term = String.fromCodePoint(code) + 'x';
      if (isCjkTerm(term) !== referenceIsCjkTerm(term)) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect([isCjkTerm(''), referenceIsCjkTerm('')]).toEqual([false, false]);
  });
});

describe('the segment builder', () => {
  it('writes the same segment bytes as the reference for any batch of documents', () => {
    fc.assert(
      fc.property(batch, (documents) => {
        expect(bytesOf(buildSegmentParts(documents))).toEqual(bytesOf(referenceSegmentParts(documents)));
      }),
      { numRuns: 300 },
    );
  });

  it('merges segments, without dead or unwanted documents, into the same bytes as the reference', () => {
    const source = fc.record({ documents: batch, alive: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }) });
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 1, maxLength: 3 }),
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
        (sources, kept) => {
          const inputs = sources.map(({ documents, alive }) => {
            const parts = buildSegmentParts(documents);
            return { parts, alive: Uint8Array.from(parts.ids, (_, doc) => (alive[doc % alive.length] ? 1 : 0)) };
          });
          const keep = (id: string) => kept.includes(id);
          expect(bytesOf(mergeSegmentParts(inputs, keep))).toEqual(bytesOf(referenceMerge(inputs, keep)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes the same bytes as the reference for a bilingual corpus with thousands of distinct terms', () => {
    const corpus = generateCorpus(120, 7).map(({ id, title, tags, summary, body }) => ({
      id,
      title,
      tags,
      summary,
      body,
    }));
    const parts = buildSegmentParts(corpus);
    expect(parts.cjkKeys.length + parts.latinTerms.length).toBeGreaterThan(5_000);
    expect(bytesOf(parts)).toEqual(bytesOf(referenceSegmentParts(corpus)));
  });

  it('caps the heaviest weights as the reference does', () => {
    // A word filling five short fields, beside long documents: its summed score passes the cap of 255.
    const fields = (words: string) => ({ title: words, tags: words, summary: words, body: words, pinyin: words });
    const heavy = { id: 'heavy', ...fields('fba '.repeat(40)) };
    const long = ['x', 'y', 'z'].map((id) => ({ id, ...fields(`${id} `.repeat(20_000)) }));
    const parts = buildSegmentParts([heavy, ...long]);
    expect(Math.max(...parts.weights)).toBe(255);
    expect(bytesOf(parts)).toEqual(bytesOf(referenceSegmentParts([heavy, ...long])));
  });
});
