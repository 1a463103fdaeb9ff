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
  it('has a labelled set of at least 150 queries of every kind', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(RELEVANCE_QUERIES.map((query) => query.kind)).size).toBe(9);
  });

  it('never answers a labelled query with nothing', async () => {
    const empty: string[] = [];
    for (const { query } of RELEVANCE_QUERIES)
      if ((await core.search({ text: query, limit: 1 })).hits.length === 0) empty.push(query);
    console.log(
      `relevance: ${RELEVANCE_QUERIES.length - empty.length} of ${RELEVANCE_QUERIES.length} queries found something${empty.length ? `; nothing for: ${empty.join(' | ')}` : ''}`,
    );
    expect(empty).toEqual([]);
  });

  it('puts the expected article in the top 3 for at least 95% of them', async () => {
    const misses: string[] = [];
    const byKind = new Map<string, { hits: number; total: number }>();
    for (const { query, expected, kind } of RELEVANCE_QUERIES) {
      const preferLang = hasCjk(query) && !/[a-z]{3}/i.test(query) ? 'zh' : expected.endsWith('-en') ? 'en' : 'zh';
      const { hits } = await core.search({ text: query, preferLang, limit: 3 });
      const found = hits.some((hit) => hit.id === expected);
      if (!found) misses.push(`${query} → ${hits.map((hit) => hit.id).join(', ') || 'nothing'} (wanted ${expected})`);
      const tally = byKind.get(kind) ?? { hits: 0, total: 0 };
      byKind.set(kind, { hits: tally.hits + Number(found), total: tally.total + 1 });
    }
    console.log(
      `relevance by kind: ${[...byKind].map(([kind, { hits, total }]) => `${kind} ${hits}/${total}`).join(', ')}`,
    );
    const hitAt3 = 1 - misses.length / RELEVANCE_QUERIES.length;
    console.log(
      `relevance: hit@3 = ${(hitAt3 * 100).toFixed(1)}% over ${RELEVANCE_QUERIES.length} queries${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(hitAt3).toBeGreaterThanOrEqual(0.95);
  });
});
