import type { Article, Contact, GlossaryTerm, Marketplace } from '../electron/common/index.js';

/**
 * The rules that make guidance trustworthy (issue 14): readers never see notes about our sources,
 * figures are dated, sources name a title and publisher, addresses sit on the right Amazon domain,
 * and twins state the same facts. Each function returns messages that name the file and the fault.
 */

export type CheckedArticle = Pick<
  Article,
  'id' | 'translation' | 'path' | 'title' | 'summary' | 'tags' | 'markdown' | 'asOf' | 'sources' | 'checklists' | 'lang'
>;

/** Words that talk about our source documents instead of to the seller, and file names like 000_xxx.txt. */
const SOURCE_TALK: [RegExp, string][] = [
  [/\bseeds?\b|\bseed's\b/i, '"seed"'],
  [/种子/, '"种子"'],
  [/source documents?/i, '"source document"'],
  [/\breconstruct(?:ed|ion|s)?\b/i, '"reconstructed"'],
  [/已重建|重建的|按[^。\n]{0,12}重建/, '"重建" (reconstructed)'],
  [/\b\d{3}_[0-9a-f]{6,}(?:\.txt)?\b|\b[\w-]+\.txt\b/i, 'a file name'],
  [
    /\b(?:the|this|that|our|same|a) source(?: article| letter| text)?(?: (?:says|said|gives|lists|names|notes|does|did|calls|counts|describes|points|puts|reports|sees|stresses|is|was|also|prints|repeats|numbers|states|adds))\b|\b(?:in|from|to|according to|as) the source\b|\bthe source's\b/i,
    '"the source"',
  ],
  [
    /(?<!进货|货物|商品|图片的|投诉|的|货|大|真实|合法)来源(?!凭证|不可靠|正当)|种子资料|原文(?:中|里|写|全部|另有|如此|的写法|未标)/,
    '"来源/原文" (our source)',
  ],
];

/** Where an article mentions source talk in what a reader sees: title, summary, tags, body, source lines. */
export function findSourceTalk(article: CheckedArticle): string[] {
  const visible: [string, string][] = [
    ['title', article.title],
    ['summary', article.summary],
    ['tags', article.tags.join(', ')],
    ['body', article.markdown],
    ...article.sources.map((source, index): [string, string] => [
      `source ${index + 1}`,
      [source.title, source.publisher, source.supports ?? ''].join(' | '),
    ]),
  ];
  const errors: string[] = [];
  for (const [field, text] of visible) {
    for (const [pattern, label] of SOURCE_TALK) {
      const match = pattern.exec(text);
      if (match)
        errors.push(
          `${article.path}: the ${field} talks about our sources (${label}: "${context(text, match.index)}"); speak to the seller and keep provenance in the front matter`,
        );
    }
  }
  return errors;
}

/** Glossary definitions are read by sellers too: no talk about our sources there either. */
export function findGlossarySourceTalk(glossary: GlossaryTerm[]): string[] {
  const errors: string[] = [];
  for (const term of glossary) {
    for (const lang of ['zh', 'en'] as const) {
      for (const [pattern, label] of SOURCE_TALK) {
        const match = pattern.exec(term.definition[lang]);
        if (match)
          errors.push(
            `content/glossary.json: ${term.id} (${lang}) talks about our sources (${label}: "${context(term.definition[lang], match.index)}")`,
          );
      }
    }
  }
  return errors;
}

/** Contact purposes and notes are read by sellers too. */
export function findContactSourceTalk(contacts: Contact[]): string[] {
  const errors: string[] = [];
  for (const contact of contacts) {
    for (const lang of ['zh', 'en'] as const) {
      for (const text of [contact.purpose[lang], contact.note?.[lang] ?? '']) {
        for (const [pattern, label] of SOURCE_TALK) {
          const match = pattern.exec(text);
          if (match)
            errors.push(
              `content/contacts.json: ${contact.id} (${lang}) talks about our sources (${label}: "${context(text, match.index)}")`,
            );
        }
      }
    }
  }
  return errors;
}

/** Percentages, durations, fees and amounts: figures a reader needs a date for. */
const FIGURE =
  /\d\s*[%％]|\d\s*(?:days?|天|日|hours?|小时|weeks?|周|months?|个月|years?|年内)(?![a-z])|[$¥€£]\s?\d|\d\s*(?:USD|JPY|EUR|GBP|美元|美金|日元|円|欧元|英镑|元)/i;

/**
 * An article whose body states a figure must say when its facts were true (`asOf`). Letter
 * templates (fenced blocks) are left out: "we reply within 24 hours" is a promise, not a fact.
 */
export function findUndatedFigures(article: CheckedArticle): string[] {
  if (article.asOf) return [];
  const prose = article.markdown.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, ' ');
  const match = FIGURE.exec(prose);
  return match
    ? [
        `${article.path}: states the figure "${context(prose, match.index)}" but has no "asOf" (when were these facts true?)`,
      ]
    : [];
}

/** Every source shows the reader a title and a publisher. */
export function findIncompleteSources(article: CheckedArticle): string[] {
  return article.sources.flatMap((source, index) => {
    const missing = (['title', 'publisher'] as const).filter((field) => !source[field].trim());
    return missing.length > 0
      ? [`${article.path}: source ${index + 1} lacks ${missing.map((field) => `"${field}"`).join(' and ')}`]
      : [];
  });
}

/** The one domain of each marketplace's Amazon store (Amazon Mexico is amazon.com.mx, never amazon.mx). */
export const MARKETPLACE_DOMAINS: Record<Marketplace, string> = {
  US: 'amazon.com',
  CA: 'amazon.ca',
  MX: 'amazon.com.mx',
  UK: 'amazon.co.uk',
  DE: 'amazon.de',
  FR: 'amazon.fr',
  IT: 'amazon.it',
  ES: 'amazon.es',
  JP: 'amazon.co.jp',
};

/** Amazon store domains an address may use in an article (the marketplaces above, and a few more Amazon runs). */
const AMAZON_DOMAINS = new Set([
  ...Object.values(MARKETPLACE_DOMAINS),
  'amazon.in',
  'amazon.com.br',
  'amazon.com.au',
  'amazon.nl',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.com.tr',
  'amazon.ae',
  'amazon.sa',
  'amazon.sg',
  'amazon.eg',
]);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\s?\.[A-Za-z0-9-]+)*/g;

/** Each contact's address is on its marketplace's domain; an address for every marketplace is on some Amazon domain. */
export function findContactDomainErrors(contacts: Contact[]): string[] {
  const errors: string[] = [];
  for (const contact of contacts) {
    const domain = contact.email.split('@')[1]?.toLowerCase() ?? '';
    if (contact.marketplace === 'ALL') {
      if (!AMAZON_DOMAINS.has(domain))
        errors.push(`content/contacts.json: ${contact.id} (${contact.email}) is not on an Amazon store domain`);
    } else if (domain !== MARKETPLACE_DOMAINS[contact.marketplace]) {
      errors.push(
        `content/contacts.json: ${contact.id} (${contact.email}) is for ${contact.marketplace}, whose domain is ${MARKETPLACE_DOMAINS[contact.marketplace]}`,
      );
    }
  }
  return errors;
}

/**
 * A repaired address keeps the name the published text gave it: only the domain may be completed or
 * corrected. `original` holds that damaged text, so a repair that invents a new mailbox is caught.
 */
export function findRepairErrors(contacts: Contact[]): string[] {
  return contacts.flatMap((contact) => {
    if (!contact.reconstructed || !contact.original) return [];
    const published = contact.original.replace(/\s+/g, '').split('@')[0]?.toLowerCase();
    const repaired = contact.email.split('@')[0]?.toLowerCase();
    return published === repaired
      ? []
      : [
          `content/contacts.json: ${contact.id} was repaired from "${contact.original}" but its mailbox "${repaired}" differs from the published "${published}"`,
        ];
  });
}

/** Amazon addresses in an article are complete, on a real Amazon domain, and listed in contacts.json (so the two agree). */
export function findArticleAddressErrors(article: CheckedArticle, contacts: Contact[]): string[] {
  const known = new Set(contacts.map((contact) => contact.email.toLowerCase()));
  const errors: string[] = [];
  for (const address of emailsIn(article.markdown)) {
    const domain = address.split('@')[1] ?? '';
    if (!/^amazon\b/.test(domain)) continue;
    if (!AMAZON_DOMAINS.has(domain))
      errors.push(
        `${article.path}: "${address}" is not on an Amazon store domain (Mexico is amazon.com.mx, Japan amazon.co.jp, the UK amazon.co.uk)`,
      );
    else if (!known.has(address))
      errors.push(
        `${article.path}: "${address}" is not in content/contacts.json; the article and the directory must agree`,
      );
  }
  return errors;
}

/** The e-mail addresses in a text, lower-cased, with no trailing dot. */
export function emailsIn(text: string): Set<string> {
  return new Set(
    [...text.matchAll(EMAIL)].map((match) => match[0].replace(/\s/g, '').replace(/\.+$/, '').toLowerCase()),
  );
}

const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const ZH_SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * The numbers an article states, as plain values: "1,000" and "1000" are the same, ISO dates and
 * "July 5, 2021" give their parts, list markers ("1. ") and numbers inside codes (G200280650,
 * B00XXXX) do not count. Addresses are compared separately.
 */
export function numbersIn(text: string, lang: 'zh' | 'en'): Set<string> {
  let flat = text
    .replace(EMAIL, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*\d+[.)]\s/gm, ' ');
  if (lang === 'en') {
    flat = flat.replace(
      /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?=\s+\d|,?\s+\d{4})|(?<=\d\s)(January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
      (name) => ` ${EN_MONTHS.indexOf(name.toLowerCase()) + 1} `,
    );
  }
  const numbers = new Set<string>();
  for (const match of flat.matchAll(
    /(?<![A-Za-z0-9_.,-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![A-Za-z0-9])|(?<![A-Za-z0-9_.,])\d+(?:\.\d+)?(?![A-Za-z0-9]|\.\d)/g,
  )) {
    numbers.add(String(Number(match[0].replace(/,/g, ''))));
  }
  return numbers;
}

/** A small number (0–12) the other twin writes as a word ("three", "三") rather than in digits. */
function writtenAsWord(value: string, text: string, lang: 'zh' | 'en'): boolean {
  const number = Number(value);
  if (!Number.isInteger(number) || number > 12) return false;
  if (lang === 'en')
    return (
      new RegExp(`\\b${EN_SMALL[number]}\\b`, 'i').test(text) ||
      (number <= 12 && new RegExp(`\\b(${EN_MONTHS[number - 1] ?? '-'})\\b`, 'i').test(text))
    );
  const word = ZH_SMALL[number] ?? '';
  return text.includes(word) || (number === 2 && text.includes('两'));
}

/** Twins state the same facts: numbers, dates, e-mail addresses and checklist names are equal across the pair. */
export function findTwinDifferences(article: CheckedArticle, twin: CheckedArticle): string[] {
  const errors: string[] = [];
  const differ = (
    label: string,
    mine: Set<string>,
    theirs: Set<string>,
    ignore: (value: string) => boolean = () => false,
  ) => {
    const onlyMine = [...mine].filter((value) => !theirs.has(value) && !ignore(value));
    if (onlyMine.length > 0)
      errors.push(
        `${article.path}: ${label} ${onlyMine.map((value) => `"${value}"`).join(', ')} not in twin ${twin.id}; twins must state the same facts`,
      );
  };
  differ('the e-mail address(es)', emailsIn(article.markdown), emailsIn(twin.markdown));
  differ('the number(s)', numbersIn(article.markdown, article.lang), numbersIn(twin.markdown, twin.lang), (value) =>
    writtenAsWord(value, twin.markdown, twin.lang),
  );
  const names = (list: CheckedArticle['checklists']) => new Set(list.map((checklist) => checklist.name));
  differ('the checklist(s)', names(article.checklists), names(twin.checklists));
  return errors;
}

function context(text: string, index: number): string {
  return text
    .slice(Math.max(0, index - 20), index + 40)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every trust rule over a library: the problems found, each naming the file and what to change. */
export function checkTrust(library: {
  articles: CheckedArticle[];
  contacts: Contact[];
  glossary?: GlossaryTerm[];
}): string[] {
  const errors = [
    ...findContactDomainErrors(library.contacts),
    ...findRepairErrors(library.contacts),
    ...findContactSourceTalk(library.contacts),
    ...findGlossarySourceTalk(library.glossary ?? []),
  ];
  const byId = new Map(library.articles.map((article) => [article.id, article]));
  for (const article of library.articles) {
    const twin = article.translation ? byId.get(article.translation) : undefined;
    const found = [
      ...findSourceTalk(article),
      ...findUndatedFigures(article),
      ...findIncompleteSources(article),
      ...findArticleAddressErrors(article, library.contacts),
      ...(twin ? findTwinDifferences(article, twin) : []),
    ];
    errors.push(...found);
  }
  return errors;
}
