import type { CaseCause, GlossaryTerm, StatedDeadline } from '../../common/index.js';

/** Glossary articles too general to be worth reading first for a notice. */
const GENERAL_ARTICLES = new Set([
  'start-here',
  'catalog-and-product-quality',
  'suspension-overview',
  'amazon-teams-overview',
  'csba-overview',
]);
const MAX_ARTICLES = 6;

const TOPIC_ARTICLES: readonly { pattern: RegExp; slug: string }[] = [
  { pattern: /\bappeal\b|異議申し立て|\b(?:Einspruch|Widerspruch)\b/i, slug: 'after-appeal' },
  {
    pattern: /\bpermanently deactivated\b|\bunsuccessful appeals?\b|永久に停止|\bdauerhaft (?:deaktiviert|gesperrt)\b/i,
    slug: 'remedies-compared',
  },
  {
    pattern: /\b(?:funds|disbursements?|account balance)\b|売上金|残高|\b(?:Guthaben|Auszahlung\w*)\b/i,
    slug: 'funds-after-suspension',
  },
  {
    pattern:
      /\b(?:FBA|inventory|removal orders?|fulfil?lment cent(?:er|re)s?)\b|在庫|返送|\b(?:Lagerbestand|Rücksendung\w*|Versand durch Amazon)\b/i,
    slug: 'fba-removal-while-suspended',
  },
];

/**
 * The library articles to read first for a notice (ids in `lang`): the cause and its letter
 * template, then the topics the notice raises, then glossary terms it uses; only ids the library has.
 */
export function chooseArticles(
  flat: string,
  cause: CaseCause,
  deadlines: readonly StatedDeadline[],
  glossary: readonly GlossaryTerm[],
  exists: (id: string) => boolean,
  lang: 'en' | 'zh' = 'en',
): { articles: string[]; phrases: string[] } {
  const slugs: string[] = [];
  const phrases: string[] = [];
  if (cause !== 'other') slugs.push(`cause-${cause}`, `poa-template-${cause}`);
  if (deadlines.some((deadline) => deadline.kind === 'appeals')) slugs.push('remedies-compared');
  for (const topic of TOPIC_ARTICLES) {
    const match = topic.pattern.exec(flat);
    if (!match) continue;
    slugs.push(topic.slug);
    phrases.push(match[0]);
  }
  const lower = flat.toLowerCase();
  for (const term of glossary) {
    if (!term.article || GENERAL_ARTICLES.has(term.article)) continue;
    const word = [...term.en, ...term.ja].find(
      (phrase) => phrase.length >= 4 && containsPhrase(lower, phrase.toLowerCase()),
    );
    if (!word) continue;
    slugs.push(term.article);
    phrases.push(word);
  }
  const articles = [...new Set(slugs.map((slug) => `${slug}-${lang}`))].filter(exists).slice(0, MAX_ARTICLES);
  return { articles, phrases };
}

/** `phrase` in `text` as whole words (Latin) or anywhere (CJK). */
function containsPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at !== -1) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + phrase.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}
