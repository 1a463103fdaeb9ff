import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, SearchQuery } from '../../electron/common/index.js';
import type { Core } from '../../electron/core/createCore.js';
import { ArticleSearch, type SearchDocument } from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';
import { cjkBigrams, indexTerms, isCjkTerm, splitRuns } from '../../electron/core/search/tokenize.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

describe('the tokenizer', () => {
  it('splits scripts at their boundaries: "FBA移除订单" → FBA, 移除订单', () => {
    expect(splitRuns('FBA移除订单')).toEqual([
      { kind: 'latin', text: 'fba' },
      { kind: 'cjk', text: '移除订单' },
    ]);
  });

  it('folds full-width letters and diacritics but keeps kana intact', () => {
    expect(splitRuns('ＯＤＲ Café ガイド').map((run) => run.text)).toEqual(['odr', 'cafe', 'ガイド']);
  });

  it('indexes CJK text as overlapping bigrams plus the last character of each run', () => {
    expect(cjkBigrams('移除订单')).toEqual(['移除', '除订', '订单']);
    expect(indexTerms('FBA移除订单 单')).toEqual(['fba', '移除', '除订', '订单', '单', '单']);
    expect(indexTerms('移除订单').every(isCjkTerm)).toBe(true);
    expect(isCjkTerm('fba')).toBe(false);
  });
});

describe('a Chinese query of three or more characters', () => {
  it('matches the run as written, not its bigrams scattered over the text', () => {
    const documents = [
      { id: 'together', title: '创建移除订单', tags: '', summary: '', body: '' },
      { id: 'apart', title: '移除库存', tags: '', summary: '', body: '去除订书机的订单' },
    ];
    const result = searchTitles(documents, '移除订单', 'zh');
    expect(result.hits.map((hit) => hit.id)).toEqual(['together']);
  });
});

describe('a misspelt word', () => {
  it('gets two edits at once when the library does not hold it, even when one edit already finds enough', () => {
    const near = Array.from({ length: 6 }, (_, index) => ({
      id: `near-${index}`,
      title: `arbitartio ${index}`,
      tags: '',
      summary: '',
      body: '',
    }));
    const documents = [...near, { id: 'target', title: 'arbitration', tags: '', summary: '', body: '' }];
    const result = searchTitles(documents, { text: 'arbitartion', limit: 50 });
    expect(result.hits.map((hit) => hit.id)).toContain('target');
  });
});

describe('a misspelling with swapped letters', () => {
  it('is found even with one more slip: "gpraqaulo" finds "graqualo"', () => {
    const documents = [
      { id: 'target', title: 'graqualo', tags: '', summary: '', body: '' },
      { id: 'other', title: 'unrelated', tags: '', summary: '', body: '' },
    ];
    const result = searchTitles(documents, 'gpraqaulo');
    expect(result.hits.map((hit) => hit.id)).toEqual(['target']);
  });
});

describe('a short misspelt word', () => {
  it('gets one edit when the library does not hold it: "dovi" finds "dorvi"', () => {
    const documents = [{ id: 'target', title: 'dorvi', tags: '', summary: '', body: '' }];
    const result = searchTitles(documents, 'dovi');
    expect(result.hits.map((hit) => hit.id)).toEqual(['target']);
  });
});

describe('article search', () => {
  const tempDir = useTempDirs('file');
  let core: Core;
  beforeAll(async () => {
    core = await openTestCore(tempDir());
  });
  afterAll(() => core.close());

  it('finds any 2-character Chinese substring of a title', async () => {
    const { hits } = await core.search({ text: '除订', lang: 'zh' });
    expect(hits.map((hit) => hit.id)).toContain('fba-removal-order-zh');
  });

  it('expands glossary terms across languages: 移除订单 also finds the English article', async () => {
    const { hits } = await core.search({ text: '移除订单', lang: 'en' });
    expect(hits[0]?.id).toBe('fba-removal-order-en');
  });

  it("ranks the user's language first when both twins match", async () => {
    const zh = await core.search({ text: 'ODR', preferLang: 'zh' });
    const en = await core.search({ text: 'ODR', preferLang: 'en' });
    expect(zh.hits[0]?.lang).toBe('zh');
    expect(en.hits[0]?.lang).toBe('en');
  });

  it('filters by category, language and marketplace', async () => {
    const byCategory = await core.search({ text: 'appeal', category: 'plan-of-action' });
    expect(byCategory.hits.length).toBeGreaterThan(0);
    expect(byCategory.hits.every((hit) => hit.category === 'plan-of-action')).toBe(true);
    const japan = await core.search({ text: 'CSBA', marketplace: 'JP' });
    expect(japan.hits.every((hit) => hit.marketplaces.length === 0 || hit.marketplaces.includes('JP'))).toBe(true);
    const usOnly = await core.search({ text: 'CSBA', marketplace: 'US', category: 'csba' });
    expect(usOnly.hits).toEqual([]);
  });

  it('marks matched words in the snippet as data, not HTML', async () => {
    const [hit] = (await core.search({ text: 'removal order', lang: 'en' })).hits;
    const matched = hit!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(matched).toContain('removal');
    expect(hit!.snippet.every((part) => !part.text.includes('<mark'))).toBe(true);
  });

  it('suggests a spelling from the vocabulary when nothing matches', async () => {
    const result = await core.search({ text: 'xarbitratixnq' });
    expect(result.hits).toEqual([]);
    expect(result.didYouMean).toBe('arbitration');
  });

  it('prefix-matches the word being typed', async () => {
    const { hits } = await core.search({ text: 'arbitr', lang: 'en' });
    expect(hits[0]?.id).toBe('arbitration-en');
  });

  it('refuses queries that are not text or too long', async () => {
    await expect(core.search({ text: 'x'.repeat(501) })).rejects.toThrow(/longer than 500/);
  });
});

describe('user folders', () => {
  const tempDir = useTempDirs();

  it('indexes a folder of plain Markdown, lists bad files with the reason, and remembers the folder', async () => {
    const dataDir = tempDir();
    const folder = resolve('tests/fixtures/userFolder');
    const core = await openTestCore(dataDir);
    const info = await core.addUserFolder({ path: folder });
    const added = info.userFolders[0]!;
    expect(added.articleCount).toBe(2);
    expect(added.problems).toEqual([
      { path: 'sub/bad.md', message: 'front matter "lang" is "klingon": expected one of zh, en' },
    ]);
    const { hits } = await core.search({ text: '心得' });
    expect(hits[0]).toMatchObject({ title: '我的笔记', category: 'user', folder, path: 'notes.md' });
    core.close();
    const reopened = await openTestCore(dataDir);
    expect((await reopened.search({ text: 'supplier invoices' })).hits[0]?.title).toBe('Supplier checklist');
    await reopened.removeUserFolder({ path: folder });
    expect((await reopened.search({ text: '心得' })).hits).toEqual([]);
    reopened.close();
  });

  it('follows changes to the folder: new, edited and deleted files', async () => {
    const folder = tempDir();
    cpSync('tests/fixtures/userFolder', folder, { recursive: true });
    const core = await openTestCore(tempDir());
    await core.addUserFolder({ path: folder });
    writeFileSync(
      join(folder, 'new.md'),
      '# Warehouse plan\n\nShip the leftover units to the overseas warehouse in Ontario.',
    );
    await expect
      .poll(async () => (await core.search({ text: 'ontario' })).hits[0]?.title, { timeout: 5000 })
      .toBe('Warehouse plan');
    writeFileSync(join(folder, 'new.md'), '# Warehouse plan\n\nChanged: the stock goes to Rotterdam instead.');
    await expect.poll(async () => (await core.search({ text: 'rotterdam' })).hits.length, { timeout: 5000 }).toBe(1);
    expect((await core.search({ text: 'ontario' })).hits).toEqual([]);
    rmSync(join(folder, 'new.md'));
    await expect.poll(async () => (await core.search({ text: 'rotterdam' })).hits.length, { timeout: 5000 }).toBe(0);
    core.close();
  });

  it('follows changes below the folder too: in a subfolder, and in one made after the folder was added', async () => {
    const folder = tempDir();
    cpSync('tests/fixtures/userFolder', folder, { recursive: true });
    const core = await openTestCore(tempDir());
    await core.addUserFolder({ path: folder });
    writeFileSync(join(folder, 'sub', 'deep.md'), '# Deep note\n\nThe pallets wait in Zaragoza.');
    await expect
      .poll(async () => (await core.search({ text: 'zaragoza' })).hits[0]?.title, { timeout: 5000 })
      .toBe('Deep note');
    // Once the reload the new folder causes has run, a file written in it is seen by its own watch.
    const reloaded = new Promise<void>((resolve) => {
      const stop = core.events.onLibraryChanged(() => {
        stop();
        resolve();
      });
    });
    mkdirSync(join(folder, 'later'));
    await reloaded;
    writeFileSync(join(folder, 'later', 'late.md'), '# Late note\n\nThe invoices arrive from Valencia.');
    await expect
      .poll(async () => (await core.search({ text: 'valencia' })).hits[0]?.title, { timeout: 5000 })
      .toBe('Late note');
    core.close();
  });

  it('says clearly when the folder does not exist', async () => {
    const core = await openTestCore(tempDir());
    await expect(core.addUserFolder({ path: '/no/such/folder' })).rejects.toThrow(
      'Library: folder /no/such/folder not found',
    );
    core.close();
  });
});

/** Searches an index of just these documents, as the library would (summaries of language `lang`, bodies as plain text). */
function searchTitles(
  documents: SearchDocument[],
  query: string | SearchQuery,
  lang = 'en',
): ReturnType<ArticleSearch['run']> {
  const summaries = new Map(
    documents.map((document) => [
      document.id,
      {
        id: document.id,
        title: document.title,
        tags: [],
        summary: '',
        lang,
        category: 'user',
        marketplaces: [],
        translation: null,
      } as unknown as ArticleSummary,
    ]),
  );
  const catalog = {
    summaryOf: (id: string) => summaries.get(id),
    plainTextOf: (id: string) => documents.find((document) => document.id === id)?.body ?? '',
  };
  return ArticleSearch.build(documents).run(
    typeof query === 'string' ? { text: query } : query,
    buildGlossaryIndex([]),
    catalog,
  );
}
