import { describe, expect, it } from 'vitest';
import type { TextPart } from '../../electron/common/index.js';
import { buildSnippet, snippetAround, substringRanges } from '../../electron/core/search/snippet.js';

const marked = (parts: TextPart[]) => parts.filter((part) => part.match).map((part) => part.text);
const joined = (parts: TextPart[]) => parts.map((part) => part.text).join('');

describe('snippets', () => {
  it('marks overlapping CJK bigrams as one run and keeps the text around it', () => {
    const text = `${'前言'.repeat(100)}如何创建移除订单：在卖家后台操作。${'后记'.repeat(100)}`;
    const parts = buildSnippet(text, ['移除', '除订', '订单']);
    expect(marked(parts)).toEqual(['移除订单']);
    expect(joined(parts)).toContain('如何创建移除订单：在卖家后台操作。');
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
  });

  it('finds whole words only, case-insensitively, and folds accents as the index does', () => {
    expect(marked(buildSnippet('Removal orders: a REMOVAL order, not a removals list.', ['removal', 'order']))).toEqual(
      ['Removal', 'REMOVAL', 'order'],
    );
    expect(marked(buildSnippet('Le café est fermé; CAFÉ ouvert.', ['cafe']))).toEqual(['café', 'CAFÉ']);
  });

  it('finds a word that straddles the border between two stretches of a long article', () => {
    const text = `${'x '.repeat(997)}y reinstatement ${'z '.repeat(2000)}`;
    expect(text.indexOf('reinstatement')).toBeLessThan(2000);
    expect(text.indexOf('reinstatement') + 'reinstatement'.length).toBeGreaterThan(2000);
    expect(marked(buildSnippet(text, ['reinstatement']))).toEqual(['reinstatement']);
  });

  it('picks the window with the most matches within the first stretch that has any', () => {
    const text = `order ${'filler '.repeat(40)}removal order removal order ${'filler '.repeat(40)}`;
    const parts = buildSnippet(text, ['removal', 'order']);
    expect(marked(parts)).toEqual(['removal', 'order', 'removal', 'order']);
  });

  it('cuts a plain start when nothing matches, and marks note substrings', () => {
    expect(joined(buildSnippet('a'.repeat(300), ['zzz'])).length).toBe(141);
    expect(
      marked(
        snippetAround(
          '关联账号被封：ASIN B0TEST 关联',
          substringRanges('关联账号被封：ASIN B0TEST 关联', ['关联', 'b0test']),
        ),
      ),
    ).toEqual(['关联', 'B0TEST', '关联']);
  });
});
