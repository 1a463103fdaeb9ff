import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { hasCjk } from '../../electron/core/search/tokenize.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { RELEVANCE_QUERIES } from './relevanceQueries.js';

const tempDir = useTempDirs('file');
let core: Core;

beforeAll(async () => {
  core = await openTestCore(tempDir());
});
afterAll(() => core.close());

describe('search relevance on the shipped library', () => {
  it('has a labelled set of at least 60 queries of every kind', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(RELEVANCE_QUERIES.map((query) => query.kind)).size).toBe(7);
  });

  it('puts the expected article in the top 3 for at least 95% of them', async () => {
    const misses: string[] = [];
    for (const { query, expected } of RELEVANCE_QUERIES) {
      const preferLang = hasCjk(query) && !/[a-z]{3}/i.test(query) ? 'zh' : expected.endsWith('-en') ? 'en' : 'zh';
      const { hits } = await core.search({ text: query, preferLang, limit: 3 });
      if (!hits.some((hit) => hit.id === expected)) misses.push(`${query} → ${hits.map((hit) => hit.id).join(', ') || 'nothing'} (wanted ${expected})`);
    }
    const hitAt3 = 1 - misses.length / RELEVANCE_QUERIES.length;
    console.log(`relevance: hit@3 = ${(hitAt3 * 100).toFixed(1)}% over ${RELEVANCE_QUERIES.length} queries${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(hitAt3).toBeGreaterThanOrEqual(0.95);
  });
});
