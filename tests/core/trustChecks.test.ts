import { describe, expect, it } from 'vitest';
import type { Contact, SourceRef } from '../../electron/common/index.js';
import { checkTrust, emailsIn, numbersIn, type CheckedArticle } from '../../scripts/trustChecks.js';

const SOURCE: SourceRef = {
  title: 'How to create a removal order',
  publisher: 'Amazon Seller Central Help',
  date: '2024-10-25',
  url: null,
  helpId: 'G200280650',
  supports: 'the steps',
  document: '000_e5c3bc0442d7a4c6.txt',
};

function pair(en: Partial<CheckedArticle>, zh: Partial<CheckedArticle> = {}): CheckedArticle[] {
  const base = { title: 'T', summary: 'S', tags: [], asOf: '2024-10', sources: [SOURCE], checklists: [] };
  return [
    {
      ...base,
      id: 'a-en',
      translation: 'a-zh',
      lang: 'en',
      path: 'content/articles/funds/a.en.md',
      markdown: '## Funds\n\nWrite to us.\n',
      ...en,
    },
    {
      ...base,
      id: 'a-zh',
      translation: 'a-en',
      lang: 'zh',
      path: 'content/articles/funds/a.zh.md',
      markdown: '## 资金\n\n请写信。\n',
      ...zh,
    },
  ];
}

function contact(email: string, marketplace: Contact['marketplace']): Contact {
  return {
    id: email,
    email,
    team: 'seller-performance',
    marketplace,
    purpose: { zh: '申诉', en: 'appeals' },
    reconstructed: false,
    original: null,
    note: null,
    source: 'x',
    article: null,
  };
}

const check = (articles: CheckedArticle[], contacts: Contact[] = []) => checkTrust({ articles, contacts });

describe('the trust checks', () => {
  it('pass a clean, dated, consistent pair', () => {
    expect(
      check(
        pair(
          {
            markdown:
              '## Funds\n\nSince 25 October 2024 you can appeal after 60 days. Write to seller-performance@amazon.com.\n',
          },
          {
            markdown:
              '## 资金\n\n自 2024 年 10 月 25 日起，停用 60 天后可申诉。请写信到 seller-performance@amazon.com。\n',
          },
        ),
        [contact('seller-performance@amazon.com', 'US')],
      ),
    ).toEqual([]);
  });

  it('fail a body that talks about our sources', () => {
    for (const markdown of [
      'The seed says so.',
      'The source document is damaged.',
      'This address was reconstructed.',
      'See 000_e5c3bc0442d7a4c6.txt.',
    ]) {
      expect(check(pair({ markdown })).join('\n')).toMatch(/a\.en\.md: the body talks about our sources/);
    }
    expect(check(pair({}, { markdown: '种子 000 里这样写。' })).join('\n')).toMatch(
      /a\.zh\.md: the body talks about our sources \("种子"/,
    );
    expect(check(pair({}, { markdown: '域名按 .com 重建。' })).join('\n')).toMatch(
      /a\.zh\.md: the body talks about our sources/,
    );
    expect(check(pair({ summary: 'What the seed says' })).join('\n')).toMatch(/the summary talks about our sources/);
    expect(check(pair({ sources: [{ ...SOURCE, supports: 'the address, reconstructed' }] })).join('\n')).toMatch(
      /the source 1 talks about our sources/,
    );
  });

  it('fail figures without "asOf", but not promises in a letter', () => {
    for (const markdown of ['Fees are 38 JPY a unit.', 'Below 4%.', 'Wait 90 days.', 'Pay $1,000.', '每件 38 日元。']) {
      expect(check(pair({ asOf: null, markdown }, { asOf: null, markdown })).join('\n')).toMatch(
        /a\.en\.md: states the figure .* has no "asOf"/,
      );
    }
    expect(
      check(
        pair(
          { asOf: null, markdown: '```letter\nWe reply within 24 hours.\n```\n' },
          { asOf: null, markdown: '```letter\nWe reply within 24 hours.\n```\n' },
        ),
      ),
    ).toEqual([]);
  });

  it('fail a source without title or publisher', () => {
    expect(check(pair({ sources: [{ ...SOURCE, publisher: ' ' }] }))).toContain(
      'content/articles/funds/a.en.md: source 1 lacks "publisher"',
    );
  });

  it('fail a contact off its marketplace domain, and an article address off any Amazon domain or missing from the directory', () => {
    expect(check([], [contact('notice@amazon.mx', 'MX')])).toEqual([
      'content/contacts.json: notice@amazon.mx (notice@amazon.mx) is for MX, whose domain is amazon.com.mx',
    ]);
    expect(check([], [contact('alliance@amazon.com', 'JP')]).join('\n')).toMatch(
      /is for JP, whose domain is amazon\.co\.jp/,
    );
    expect(
      check([], [contact('notice@amazon.com.mx', 'MX'), contact('x@amazon.de', 'DE'), contact('y@amazon.com', 'ALL')]),
    ).toEqual([]);
    expect(check([], [contact('y@example.com', 'ALL')]).join('\n')).toMatch(/not on an Amazon store domain/);
    const both = (markdown: string) => pair({ markdown }, { markdown });
    expect(check(both('Write to notice@amazon.mx.')).join('\n')).toMatch(
      /"notice@amazon\.mx" is not on an Amazon store domain/,
    );
    expect(check(both('Write to payments-funds@amazon.')).join('\n')).toMatch(
      /"payments-funds@amazon" is not on an Amazon store domain/,
    );
    expect(check(both('Write to notice@amazon.com.mx.')).join('\n')).toMatch(
      /"notice@amazon\.com\.mx" is not in content\/contacts\.json/,
    );
    expect(check(both('Write to notice@amazon.com.mx.'), [contact('notice@amazon.com.mx', 'MX')])).toEqual([]);
  });

  it('fail twins whose numbers, dates, addresses or checklists differ', () => {
    const contacts = [contact('a@amazon.com', 'US'), contact('b@amazon.com', 'US')];
    expect(check(pair({ markdown: 'Wait 60 days.' }, { markdown: '等待 90 天。' })).join('\n')).toMatch(
      /a\.en\.md: the number\(s\) "60" not in twin a-zh/,
    );
    expect(
      check(pair({ markdown: 'Since 5 July 2021.' }, { markdown: '自 2021 年 7 月 6 日起。' })).join('\n'),
    ).toMatch(/the number\(s\) "5" not in twin/);
    expect(
      check(pair({ markdown: 'Write to a@amazon.com.' }, { markdown: '写信到 b@amazon.com。' }), contacts).join('\n'),
    ).toMatch(/the e-mail address\(es\) "a@amazon\.com" not in twin/);
    const list = (name: string) => [{ name, steps: ['x'] }];
    expect(check(pair({ checklists: list('removal-order') }, { checklists: list('removal') })).join('\n')).toMatch(
      /the checklist\(s\) "removal-order" not in twin/,
    );
  });

  it('read numbers the same way in both languages', () => {
    expect(numbersIn('Pay 1,000 USD or 1000 JPY; 4%; on July 5, 2021; see G200280650 and B00ABC123.', 'en')).toEqual(
      new Set(['1000', '4', '7', '5', '2021']),
    );
    expect(numbersIn('支付 1000 美元；4%；2021 年 7 月 5 日。', 'zh')).toEqual(
      new Set(['1000', '4', '2021', '7', '5']),
    );
    expect(numbersIn('1. First step\n2. Second step', 'en')).toEqual(new Set());
    expect(
      check(pair({ markdown: 'You have three chances within 2 days.' }, { markdown: '你有 3 次机会，两天内。' })),
    ).toEqual([]);
    expect(emailsIn('Write to Seller-Performance@amazon.co.uk.')).toEqual(new Set(['seller-performance@amazon.co.uk']));
  });

  it('fail a glossary definition that talks about our sources', () => {
    const term = {
      id: 't',
      zh: ['词'],
      en: ['term'],
      ja: [],
      definition: { zh: '按来源给出的方式举报。', en: 'Report it.' },
      article: null,
    };
    expect(checkTrust({ articles: [], contacts: [], glossary: [term] }).join('\n')).toMatch(
      /glossary\.json: t \(zh\) talks about our sources/,
    );
  });

  it('fail a repair that changes the published mailbox, and pass one that only fixes the domain', () => {
    const repaired = (email: string, original: string) => ({ ...contact(email, 'MX'), reconstructed: true, original });
    expect(check([], [repaired('notice@amazon.com.mx', 'notice@amazon .mx')])).toEqual([]);
    expect(check([], [repaired('avisos@amazon.com.mx', 'notice@amazon .mx')]).join('\n')).toMatch(
      /mailbox "avisos" differs from the published "notice"/,
    );
  });

  it('fail a contact purpose or note that talks about our sources', () => {
    const damaged = {
      ...contact('notice@amazon.com', 'US'),
      purpose: { zh: '原文未标站点，域名按 .com 重建。', en: 'The seed names no marketplace.' },
    };
    const errors = check([], [damaged]).join('\n');
    expect(errors).toMatch(/notice@amazon\.com \(zh\) talks about our sources/);
    expect(errors).toMatch(/notice@amazon\.com \(en\) talks about our sources/);
  });

  it('fail "the source says" and 种子资料 in a body', () => {
    expect(check(pair({ markdown: 'The source says you should wait.' })).join('\n')).toMatch(/"the source"/);
    expect(check(pair({}, { markdown: '种子资料的范例就是这样。' })).join('\n')).toMatch(
      /a\.zh\.md: the body talks about our sources/,
    );
    expect(check(pair({ markdown: 'Prove that the source of the complaint is unreliable.' }))).toEqual([]);
  });
});
