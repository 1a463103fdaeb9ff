import type { GlossaryTerm, NoticeAnalysis, NoticeEvidence, NoticeRejection } from '../../common/index.js';
import { decideCause } from './causeRules.js';
import { decideMarketplace } from './marketplaceRules.js';
import { chooseArticles } from './noticeArticles.js';
import { decideNoticeDate } from './noticeDates.js';
import { findAddresses, findAsins, findDocuments, findStatedDeadlines } from './noticeFields.js';
import { MAX_NOTICE_CHARS } from '../../common/index.js';
import { prepareNotice, rejectEarly } from './noticeText.js';

/** What the analyzer may consult besides the text: the glossary and which article ids exist. */
export interface NoticeContext {
  glossary: readonly GlossaryTerm[];
  articleExists: (id: string) => boolean;
}

const AMAZON_SIGN = /\bamazon\b|アマゾン|\bseller ?central\b|セラーセントラル/i;
const NOTICE_SIGN =
  /\b(?:deactivat\w*|suspend\w*|selling privileges|account health|appeal\w*|removed|listings?|policy|violat\w*)\b|停止|出品|違反|\b(?:deaktiviert|gesperrt|Verkaufsrechte?|Richtlinie\w*|Verstoß\w*)\b/i;

const REJECTION_MESSAGES: Record<NoticeRejection, string> = {
  empty: 'the text is empty',
  'too-long': `the text is longer than ${MAX_NOTICE_CHARS.toLocaleString('en')} characters; paste only the notice`,
  binary: 'the text looks like a binary file, not an e-mail',
  garbled: 'the text mixes character encodings (it shows garbled characters); copy the e-mail again as plain text',
  'not-amazon': 'the text does not read like a notice from Amazon',
};

/**
 * Reads an Amazon notice e-mail (English, Japanese or German) and returns its cause, marketplace,
 * date, ASINs, the documents and deadlines it states, the addresses it names and the articles to
 * read first, each with the words that decided it. Offline; linear in the (capped) length.
 *
 * @example analyzeNotice(pastedText, { glossary, articleExists: (id) => library.summaryOf(id) !== undefined }).cause
 */
export function analyzeNotice(text: string, context: NoticeContext): NoticeAnalysis {
  const early = typeof text === 'string' ? rejectEarly(text) : 'empty';
  if (early) return notFound(early);
  const { lines, flat } = prepareNotice(text);
  const cause = decideCause(flat);
  if (!AMAZON_SIGN.test(flat) || (cause.cause === 'other' && !NOTICE_SIGN.test(flat))) return notFound('not-amazon');
  const evidence: NoticeEvidence[] = [];
  const note = (field: NoticeEvidence['field'], phrases: readonly (string | null)[]) => {
    for (const phrase of phrases) if (phrase) evidence.push({ field, phrase });
  };
  note('cause', cause.phrases);
  const marketplace = decideMarketplace(lines, flat);
  note('marketplace', [marketplace.phrase]);
  const noticeDate = decideNoticeDate(lines, flat);
  note('noticeDate', [noticeDate.phrase]);
  const asins = findAsins(flat);
  const documents = findDocuments(flat);
  note('documents', documents.phrases);
  const deadlines = findStatedDeadlines(flat);
  note(
    'deadlines',
    deadlines.map((deadline) => deadline.phrase),
  );
  const articles = chooseArticles(flat, cause.cause, deadlines, context.glossary, context.articleExists);
  note('articles', articles.phrases);
  const result: NoticeAnalysis = {
    found: true,
    rejection: null,
    message: '',
    language: detectLanguage(flat),
    cause: cause.cause,
    marketplace: marketplace.marketplace,
    noticeDate: noticeDate.date,
    asins,
    documents: documents.documents,
    deadlines,
    addresses: findAddresses(lines),
    articles: articles.articles,
    evidence,
  };
  result.message = `Amazon notice: ${result.cause}${result.marketplace ? `, ${result.marketplace}` : ''}${result.noticeDate ? `, ${result.noticeDate}` : ''}`;
  return result;
}

function notFound(rejection: NoticeRejection): NoticeAnalysis {
  return {
    found: false,
    rejection,
    message: `no Amazon notice found: ${REJECTION_MESSAGES[rejection]}`,
    language: null,
    cause: 'other',
    marketplace: null,
    noticeDate: null,
    asins: [],
    documents: [],
    deadlines: [],
    addresses: [],
    articles: [],
    evidence: [],
  };
}

function detectLanguage(flat: string): 'en' | 'ja' | 'de' {
  const kana = flat.match(/[\u3040-\u30ff]/g)?.length ?? 0;
  if (kana > 20) return 'ja';
  const german = flat.match(/\b(?:Sie|Ihr(?:e|en)?|wir|und|nicht|Konto|bitte)\b/g)?.length ?? 0;
  const english = flat.match(/\b(?:you|your|we|and|not|account|please)\b/gi)?.length ?? 0;
  return german > english ? 'de' : 'en';
}
