import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, Lang } from '../../electron/common/index.js';
import type { Core } from '../../electron/core/createCore.js';
import {
  ArticleSearch,
  minimumShouldMatch,
  preferredLanguage,
  type SearchDocument,
} from '../../electron/core/search/articleSearch.js';
import { buildGlossaryIndex } from '../../electron/core/search/glossaryIndex.js';
import { looksLikePinyin, pinyinForms, pinyinTerms } from '../../electron/core/search/pinyin.js';
import { parseOperators } from '../../electron/core/search/queryOperators.js';
import { planQuery } from '../../electron/core/search/queryPlan.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

type TestDocument = Omit<SearchDocument, 'tags' | 'summary'> & { lang?: Lang; translation?: string };

/** A small index with its catalog, for ranking rules that need exact control over the text; `later` go in a second segment. */
function smallIndex(documents: TestDocument[], later: TestDocument[] = []) {
  const full = [...documents, ...later].map((document) => ({ tags: '', summary: '', ...document }));
  const summaries = new Map(
    full.map((document) => [
      document.id,
      {
        id: document.id,
        title: document.title,
        tags: [],
        summary: '',
        lang: document.lang ?? 'en',
        category: 'user',
        marketplaces: [],
        translation: document.translation ?? null,
      } as unknown as ArticleSummary,
    ]),
  );
  const search = ArticleSearch.build(full.slice(0, documents.length));
  search.upsert(full.slice(documents.length));
  const catalog = {
    summaryOf: (id: string) => summaries.get(id),
    plainTextOf: (id: string) => full.find((document) => document.id === id)?.body ?? '',
  };
  return (text: string, preferLang?: Lang) =>
    search.run({ text, limit: 20, ...(preferLang && { preferLang }) }, buildGlossaryIndex([]), catalog);
}

describe('ranking tiers', () => {
  it('puts every article holding the word as typed above completions and near spellings, however strong those are', () => {
    const search = smallIndex([
      { id: 'completion', title: 'stiffness stiffness stiffness', body: 'stiffness' },
      { id: 'typo', title: 'staff staff staff', body: 'staff' },
      { id: 'exact', title: 'a long title about other things', body: 'one word here is stiff, among many others' },
    ]);
    expect(search('stiff').hits.map((hit) => hit.id)).toEqual(['exact', 'completion', 'typo']);
  });

  it('ranks the nearest correction of a misspelt word above farther ones, however common, across segments', () => {
    const search = smallIndex(
      [{ id: 'gangster', title: 'A report', body: 'The report names one gangster among the buyers.' }],
      [
        { id: 'master-1', title: 'Master', body: 'master' },
        { id: 'master-2', title: 'Master plan', body: 'master' },
        { id: 'faster', title: 'Faster', body: 'faster' },
      ],
    );
    // One edit from "gangster", two from the others.
    expect(search('ganster').hits[0]?.id).toBe('gangster');
  });

  it('still completes the word being typed when nothing holds it as typed', () => {
    const search = smallIndex([
      { id: 'removal', title: 'Removal orders', body: '' },
      { id: 'other', title: 'Funds', body: '' },
    ]);
    expect(search('remov').hits.map((hit) => hit.id)).toEqual(['removal']);
  });

  it('ranks a title that is the query word for word above articles that only use its words', () => {
    const search = smallIndex([
      {
        id: 'mentions',
        title: 'Order defect rate and other metrics explained',
        body: 'order defect rate order defect rate order defect rate',
      },
      { id: 'exact-title', title: 'Order defect rate', body: 'what it is' },
    ]);
    expect(search('order defect rate').hits[0]?.id).toBe('exact-title');
  });
});

describe('the partial pass', () => {
  const search = smallIndex([
    { id: 'funds', title: '账户里的钱', body: '资金 冻结 九十天 放款 银行账户', lang: 'zh' },
    { id: 'removal', title: '移除订单', body: '仓库 库存 移除', lang: 'zh' },
    { id: 'english', title: 'Getting your money back', body: 'funds are released to your bank account', lang: 'en' },
  ]);

  it('answers a question no article holds word for word, and says the results cover part of it', () => {
    const result = search('冻结的资金怎么拿回银行账户');
    expect(result.hits[0]?.id).toBe('funds');
    expect(result.partial).toBe(true);
  });

  it('is not used when an article holds the whole query', () => {
    const result = search('银行账户');
    expect(result.hits.map((hit) => hit.id)).toEqual(['funds']);
    expect(result.partial).toBe(false);
  });

  it('ignores words no article holds instead of failing the whole question', () => {
    expect(search('money xyzzyqq').hits.map((hit) => hit.id)).toEqual(['english']);
  });

  it('asks for all but one of up to four parts, then about half', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(minimumShouldMatch)).toEqual([1, 1, 2, 3, 3, 3, 5]);
  });
});

describe('question words', () => {
  const glossary = buildGlossaryIndex([
    { id: 'suspension', zh: ['账号被封'], en: ['suspension'], ja: [], definition: { zh: '-', en: '-' }, article: null },
  ]);
  const typed = (text: string) => planQuery(text, glossary, { fuzzyLevel: 1 }).map((group) => group.typed);

  it('leave a question once its glossary terms are found, even when nothing else is left', () => {
    expect(typed('账号被封了怎么办')).toEqual(['账号被封']);
    expect(typed('为什么我的账号被封')).toEqual(['账号被封']);
  });

  it('stay when they are all the query has', () => {
    expect(typed('怎么办呢').length).toBeGreaterThan(0);
  });
});

describe('language and twins', () => {
  it('lets the query script choose the language: Chinese characters mean Chinese, whatever the interface', () => {
    expect(preferredLanguage('订单缺陷率', 'en')).toBe('zh');
    expect(preferredLanguage('FBA移除订单', 'en')).toBe('zh');
    expect(preferredLanguage('移除订单 removal', 'en')).toBe('en');
    expect(preferredLanguage('yichu dingdan', 'en')).toBe('zh');
    expect(preferredLanguage('removal order', 'zh')).toBe('zh');
    expect(preferredLanguage('change', 'en')).toBe('en');
  });

  it('shows one row per topic: the twin in the preferred language, the other one click away', () => {
    const search = smallIndex([
      { id: 'topic-en', title: 'Removal order FBA', body: '移除订单', lang: 'en', translation: 'topic-zh' },
      { id: 'topic-zh', title: '移除订单', body: 'removal order FBA', lang: 'zh', translation: 'topic-en' },
    ]);
    const zh = search('移除订单', 'en').hits;
    expect(zh.map((hit) => hit.id)).toEqual(['topic-zh']);
    expect(zh[0]?.translation).toBe('topic-en');
    expect(search('removal order', 'en').hits.map((hit) => hit.id)).toEqual(['topic-en']);
  });
});

describe('pinyin', () => {
  it('gives titles their full pinyin and initials', () => {
    const terms = pinyinTerms('创建移除订单');
    expect(terms).toEqual(expect.arrayContaining(['yichu', 'dingdan', 'yichudingdan', 'ycdd', 'chuangjian']));
    expect(pinyinForms('封号')).toEqual(['fenghao']);
    expect(pinyinForms('移除订单')).toEqual(['yichudingdan', 'ycdd']);
  });

  it('knows pinyin from English words', () => {
    expect(['fenghao', 'yichu', 'lvse', 'ycdd', 'zhanghao'].every(looksLikePinyin)).toBe(true);
    expect(['remov', 'removal', 'order', 'appeal', 'amazon', 'csba'].some(looksLikePinyin)).toBe(false);
    expect(looksLikePinyin(`${'an'.repeat(40)}x`)).toBe(false);
  });
});

describe('did you mean', () => {
  const search = smallIndex([{ id: 'english', title: 'send has arbitration', body: 'send has arbitration' }]);

  it('respells a query that finds nothing from the vocabulary', () => {
    expect(search('arbxtrxxion').didYouMean).toBe('arbitration');
  });

  it('never respells pinyin into unrelated English words ("feng hao" is not "send has")', () => {
    const result = search('feng hao');
    expect(result.hits).toEqual([]);
    expect(result.didYouMean).toBeNull();
  });
});

describe('query operators', () => {
  it('takes phrases, exclusions, scope, cause and marketplace out of the text', () => {
    expect(
      parseOperators('removal "return address" -dispose -"liquidation value" in:articles cause:counterfeit market:de'),
    ).toEqual({
      text: 'removal return address',
      phrases: ['return address'],
      excluded: ['dispose', 'liquidation value'],
      scope: 'articles',
      cause: 'counterfeit',
      marketplace: 'DE',
      unknown: [],
    });
    expect(parseOperators('in:nowhere cause:nothing market:XX odr').unknown).toEqual([
      'in:nowhere',
      'cause:nothing',
      'market:XX',
    ]);
  });
});

describe('search over the shipped library', () => {
  const tempDir = useTempDirs('file');
  let core: Core;
  beforeAll(async () => {
    core = await openTestCore(tempDir());
  });
  afterAll(() => core.close());
  const ids = async (text: string, preferLang: Lang = 'en') =>
    (await core.search({ text, preferLang, limit: 10 })).hits.map((hit) => hit.id);

  it('finds Chinese titles from pinyin typed with or without spaces, and from initials', async () => {
    for (const text of ['yichu dingdan', 'yichudingdan', 'ycdd', 'yi chu ding dan'])
      expect((await ids(text)).slice(0, 3), text).toContain('fba-removal-order-zh');
    for (const text of ['fenghao', 'feng hao']) expect((await ids(text)).length, text).toBeGreaterThan(0);
  });

  it('ranks the Chinese article first for a Chinese query in the English interface', async () => {
    expect((await ids('订单缺陷率'))[0]).toMatch(/-zh$/);
  });

  it('lists each topic once when no language is chosen', async () => {
    const { hits } = await core.search({ text: 'removal order 移除订单', preferLang: 'zh', limit: 20 });
    const topics = hits.map((hit) => [hit.id, hit.translation].sort().join());
    expect(new Set(topics).size).toBe(hits.length);
  });

  it('keeps both twins when a language filter is on (one language, so no pairs)', async () => {
    const { hits } = await core.search({ text: 'removal order', lang: 'en' });
    expect(hits.every((hit) => hit.lang === 'en')).toBe(true);
  });

  it('applies the operators: phrase, exclusion, marketplace, cause, scope', async () => {
    const phrase = await ids('"removal order"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const id of phrase)
      expect(
        ((await core.getArticle({ id })).markdown + (await core.getArticle({ id })).title).toLowerCase(),
      ).toContain('removal order');
    const textOf = async (id: string) => (await core.getArticle({ id })).html.replace(/<[^>]*>/g, ' ').toLowerCase();
    const withRemoval = await ids('removal order');
    const without = await ids('removal order -dispose');
    expect(without.length).toBeGreaterThan(0);
    expect(withRemoval.some((id) => !without.includes(id))).toBe(true);
    for (const id of without) expect(await textOf(id)).not.toMatch(/\bdispose\b/);
    for (const hit of (await core.search({ text: 'market:JP CSBA', limit: 50 })).hits)
      expect(hit.marketplaces.length === 0 || hit.marketplaces.includes('JP')).toBe(true);
    const counterfeit = await ids('cause:counterfeit appeal');
    expect(counterfeit.length).toBeGreaterThan(0);
    expect(counterfeit.every((id) => id.includes('counterfeit'))).toBe(true);
    expect((await core.search({ text: 'in:notes removal' })).hits).toEqual([]);
  });

  it('finds the contacts a query names by team, marketplace or address, and only those', async () => {
    const { contacts } = await core.search({ text: 'seller performance' });
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts)
      expect(`${contact.team} ${contact.email}`.replace(/-/g, ' ')).toContain('seller performance');
    const japan = (await core.search({ text: '卖家绩效 JP 邮箱' })).contacts;
    expect(japan.length).toBeGreaterThan(0);
    expect(japan.every((contact) => contact.marketplace === 'JP')).toBe(true);
    expect((await core.search({ text: 'seller performance xyzzyqq' })).contacts).toEqual([]);
    expect((await core.search({ text: '移除订单' })).contacts).toEqual([]);
  });

  it('ranks notes in the same search, and leaves them out with in:articles', async () => {
    const record = await core.createCase({ title: 'Widgetworks invoice case', cause: 'counterfeit' });
    await core.saveNote({
      caseId: record.id,
      title: 'Supplier',
      body: 'Invoices from Widgetworks Ltd for the removal order',
    });
    expect((await core.search({ text: 'Widgetworks' })).notes.map((note) => note.title)).toEqual(['Supplier']);
    expect((await core.search({ text: 'in:articles Widgetworks' })).notes).toEqual([]);
    expect((await core.search({ text: 'in:notes Widgetworks' })).notes.length).toBe(1);
  });
});
