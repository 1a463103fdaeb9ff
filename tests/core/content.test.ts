import { describe, expect, it } from 'vitest';
import { loadLibraryFromContent } from '../../electron/core/content/library.js';
import { nodeSanitizer } from '../../electron/core/content/nodeSanitizer.js';
import { ContentError, parseFrontMatter, splitFrontMatter } from '../../electron/core/content/frontMatter.js';
import { APP_ROOT } from '../helpers/tempDir.js';

const FIXTURE_ROOT = 'tests/fixtures/library';

describe('front matter', () => {
  it('names the missing field', () => {
    expect(() => parseFrontMatter('id: a\nlang: en\ncategory: causes\nsummary: s\nupdated: 2026-11-22')).toThrow(
      'front matter lacks "title"',
    );
  });

  it('names the bad value and the allowed ones', () => {
    expect(() =>
      parseFrontMatter('id: a\ntitle: T\nlang: fr\ncategory: causes\nsummary: s\nupdated: 2026-11-22'),
    ).toThrow(/"lang" is "fr": expected one of zh, en/);
  });

  it('accepts YAML dates and a year-only "as of"', () => {
    const meta = parseFrontMatter(
      'id: a\ntitle: T\nlang: zh\ncategory: csba\nsummary: s\nupdated: 2026-11-22\nasOf: 2019',
    );
    expect([meta.updated, meta.asOf]).toEqual(['2026-11-22', '2019']);
  });

  it('reads sources as a reader sees them, with provenance kept apart', () => {
    const yaml = [
      'id: a',
      'title: T',
      'lang: en',
      'category: funds',
      'summary: s',
      'updated: 2026-11-22',
      'sources:',
      '  - title: "How to create a removal order"',
      '    publisher: Amazon Seller Central Help',
      '    date: 2024-10-25',
      '    url: https://sellercentral.amazon.com/help/hub/reference/external/G200280650',
      '    helpId: G200280650',
      '    supports: the menu path',
      '    document: 000_e5c3bc0442d7a4c6.txt',
      '  - title: A post',
      '    publisher: A site',
      '    date: 2019',
    ].join('\n');
    expect(parseFrontMatter(yaml).sources).toEqual([
      {
        title: 'How to create a removal order',
        publisher: 'Amazon Seller Central Help',
        date: '2024-10-25',
        url: 'https://sellercentral.amazon.com/help/hub/reference/external/G200280650',
        helpId: 'G200280650',
        supports: 'the menu path',
        document: '000_e5c3bc0442d7a4c6.txt',
      },
      { title: 'A post', publisher: 'A site', date: '2019', url: null, helpId: null, supports: null, document: null },
    ]);
  });

  it('names what is wrong with a source entry', () => {
    const base = 'id: a\ntitle: T\nlang: en\ncategory: funds\nsummary: s\nupdated: 2026-11-22\nsources:\n';
    expect(() => parseFrontMatter(`${base}  - seed: 000_x.txt\n    supports: s`)).toThrow(
      /item 1 uses "seed": the key is now "document"/,
    );
    expect(() => parseFrontMatter(`${base}  - publisher: P`)).toThrow('front matter "sources" item 1 lacks "title"');
    expect(() => parseFrontMatter(`${base}  - title: T`)).toThrow('front matter "sources" item 1 lacks "publisher"');
    expect(() => parseFrontMatter(`${base}  - title: T\n    publisher: P\n    date: March 2019`)).toThrow(
      /"date" is "March 2019"/,
    );
    expect(() => parseFrontMatter(`${base}  - title: T\n    publisher: P\n    url: javascript:alert(1)`)).toThrow(
      /"url" is "javascript:alert\(1\)": expected an http\(s\) address/,
    );
    expect(() => parseFrontMatter(`${base}  - title: T\n    publisher: P\n    publsher: Q`)).toThrow(
      /unknown field "publsher"/,
    );
  });

  it('refuses a file without front matter', () => {
    expect(() => splitFrontMatter('# Title\n')).toThrow(ContentError);
  });
});

describe('loading a library', () => {
  it('loads the good files and reports each bad one with its path and reason', () => {
    const library = loadLibraryFromContent(FIXTURE_ROOT, nodeSanitizer());
    expect(library.articles.map((article) => article.id)).toEqual(['good-en']);
    const problems = Object.fromEntries(
      library.problems.map((problem) => [problem.path.split('/').pop(), problem.message]),
    );
    expect(problems['z-duplicate.en.md']).toMatch(
      /id "good-en" is already used by content\/articles\/causes\/good\.en\.md/,
    );
    expect(problems['no-title.en.md']).toBe('front matter lacks "title"');
    expect(problems['bad-yaml.en.md']).toMatch(/not valid YAML/);
    expect(problems['no-front-matter.en.md']).toMatch(/no front matter/);
    expect(problems['bad-lang.en.md']).toMatch(/"lang" is "fr"/);
    expect(problems['binary.md']).toMatch(/not a text file/);
    expect(problems['glossary.json']).toMatch(/term 1: "zh" must be a list/);
  });

  it('loads the shipped library with no problems, every article with a twin', () => {
    const library = loadLibraryFromContent(APP_ROOT, nodeSanitizer());
    expect(library.problems).toEqual([]);
    const ids = new Set(library.articles.map((article) => article.id));
    for (const lang of ['zh', 'en'])
      expect(library.articles.filter((article) => article.lang === lang).length).toBeGreaterThanOrEqual(25);
    for (const article of library.articles) expect(ids.has(article.translation ?? ''), `${article.id} twin`).toBe(true);
  });
});
