import type {
  CaseRecord,
  InvoiceCheckItem,
  PoaCheck,
  PoaCheckId,
  PoaQuestion,
  PoaUnfilled,
} from '../../common/index.js';
import type { CheckedInvoice } from '../attachments/caseInvoices.js';
import type { EnglishSpelling } from '../spelling/englishSpelling.js';
import type { PoaWording } from './poaContent.js';

/** What the checks look at: the letter, the seller's answers and the case. */
export interface CheckInput {
  text: string;
  unfilled: PoaUnfilled[];
  record: CaseRecord;
  questions: PoaQuestion[];
  answers: Map<string, string>;
  wording: PoaWording;
  spelling: EnglishSpelling;
  /** The case's attachments that read as invoices, each with Amazon's checklist. */
  invoices: CheckedInvoice[];
}

type Outcome = Omit<PoaCheck, 'id'>;
const pass = (message: string, messageZh: string): Outcome => ({ ok: true, message, messageZh });
const fail = (message: string, messageZh: string): Outcome => ({ ok: false, message, messageZh });
const quoteAll = (items: string[], limit = 8) =>
  items
    .slice(0, limit)
    .map((item) => `"${item}"`)
    .join(', ') + (items.length > limit ? ` (+${items.length - limit})` : '');
const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const answerLines = (answer: string | undefined) =>
  (answer ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const PARTS = [
  { question: 'root-cause', heading: /root cause/i, en: 'the root cause', zh: '根本原因' },
  { question: 'actions', heading: /\bactions?\b/i, en: 'the actions already taken', zh: '已采取的纠正措施' },
  {
    question: 'prevention',
    heading: /prevent|recurrence|happen again/i,
    en: 'the steps that prevent a repeat',
    zh: '防止再次发生的措施',
  },
] as const;

/** Terms of `list` found in `text`: whole words for Latin terms, anywhere for Chinese and punctuation. */
export function findTerms(text: string, list: string[]): string[] {
  const lower = text.toLowerCase();
  return list.filter((term) => {
    const wanted = term.toLowerCase();
    if (!/^[a-z][a-z' -]*[a-z]$/.test(wanted)) return lower.includes(wanted);
    return new RegExp(`(?<![\\p{L}])${wanted.replace(/[-]/g, '\\-')}(?![\\p{L}])`, 'u').test(lower);
  });
}

function placeholders({ unfilled }: CheckInput): Outcome {
  if (unfilled.length === 0) return pass('Every placeholder is filled.', '所有占位符都已填写。');
  const names = unfilled.map((item) => `{{${item.placeholder}}}`).join(', ');
  return fail(
    `${counted(unfilled.length, 'placeholder is', 'placeholders are')} still to fill: ${names}. Amazon would read them as they are.`,
    `还有 ${unfilled.length} 个占位符没填:${names}。不填的话亚马逊会原样看到它们。`,
  );
}

function threeParts({ text, answers }: CheckInput): Outcome {
  const missing = PARTS.filter(
    (part) => !part.heading.test(text) || answerLines(answers.get(part.question)).length === 0,
  );
  if (missing.length === 0)
    return pass(
      'Root cause, actions taken and prevention are all there.',
      '根本原因、已采取措施、预防措施三部分齐全。',
    );
  return fail(
    `Amazon asks every Plan of Action for the root cause, the actions taken and the steps that prevent a repeat. Still missing in your own words: ${missing.map((part) => part.en).join(', ')}.`,
    `亚马逊要求行动计划写清根本原因、已采取的措施和预防措施。还缺你自己的说明:${missing.map((part) => part.zh).join('、')}。`,
  );
}

function asins({ text, record }: CheckInput): Outcome {
  if (record.asins.length === 0)
    return pass(
      'The case lists no ASINs from the notice; if the notice names ASINs, add them to the case.',
      '案件中没有登记通知里的 ASIN;如果通知列出了 ASIN,请添加到案件中。',
    );
  const upper = text.toUpperCase();
  const missing = record.asins.filter((asin) => !upper.includes(asin));
  if (missing.length === 0)
    return pass(
      `${record.asins.length === 1 ? 'The ASIN' : `All ${record.asins.length} ASINs`} of the notice ${record.asins.length === 1 ? 'is' : 'are'} mentioned.`,
      `通知中的 ${record.asins.length} 个 ASIN 都已提到。`,
    );
  return fail(
    `Amazon wants every ASIN of the notice addressed. Not mentioned: ${missing.join(', ')}.`,
    `亚马逊要求逐一回应通知中的每个 ASIN。信中没有提到:${missing.join('、')}。`,
  );
}

function coverage({ answers }: CheckInput): Outcome {
  const causes = answerLines(answers.get('root-cause')).length;
  const actions = answerLines(answers.get('actions')).length;
  const steps = answerLines(answers.get('prevention')).length;
  if (causes === 0)
    return fail(
      'No root cause is given yet, so no action or prevention step can answer it.',
      '还没有写根本原因,纠正和预防措施也就无从对应。',
    );
  const given = `${counted(causes, 'root cause', 'root causes')}, ${counted(actions, 'action', 'actions')}, ${counted(steps, 'prevention step', 'prevention steps')}`;
  if (actions >= causes && steps >= causes)
    return pass(
      `${given}: each cause can have its own.`,
      `${causes} 条根本原因、${actions} 项纠正措施、${steps} 条预防措施:每条原因都有对应。`,
    );
  return fail(
    `You give ${given}. Amazon wants each root cause answered: give every cause at least one action and one prevention step.`,
    `你写了 ${causes} 条根本原因,但只有 ${actions} 项纠正措施、${steps} 条预防措施。亚马逊要求每条原因都有回应:每条原因至少对应一项纠正措施和一条预防措施。`,
  );
}

function tone({ text, questions, answers, wording }: CheckInput): Outcome {
  const found: { term: string; en: string; zh: string }[] = [];
  const lettersTerms = [...wording.emotive.en, ...wording.blaming.en];
  for (const term of findTerms(text, lettersTerms)) found.push({ term, en: 'letter', zh: '信中' });
  const answerTerms = [...lettersTerms, ...wording.emotive.zh, ...wording.blaming.zh];
  for (const question of questions) {
    for (const term of findTerms(answers.get(question.id) ?? '', answerTerms))
      found.push({ term, en: question.label.en, zh: question.label.zh });
  }
  if (found.length === 0) return pass('No emotive or blaming wording found.', '没有发现情绪化或指责性的措辞。');
  const listed = (lang: 'en' | 'zh') => quoteAll([...new Set(found.map((item) => `${item.term} (${item[lang]})`))]);
  return fail(
    `Amazon asks for facts without emotive language or blame; reviewers stop reading at words like these. Rewrite: ${listed('en')}.`,
    `亚马逊要求只讲事实,不带情绪、不指责;审核人员看到这类词往往不再读下去。请改写:${listed('zh')}。`,
  );
}

/** Sentences that promise a result ("this will never happen again") without naming the measure that ensures it. */
function promises({ text, answers, wording }: CheckInput): Outcome {
  const sources = [text, ...answers.values()];
  const promiseTerms = [...wording.emptyPromises.en, ...wording.emptyPromises.zh];
  const cues = [...wording.measureCues.en, ...wording.measureCues.zh];
  const empty = sources
    .flatMap((source) => source.split(/(?<=[.!?。!?])\s*|\n+/))
    .map((sentence) => sentence.trim())
    .filter(
      (sentence) =>
        findTerms(sentence, promiseTerms).length > 0 &&
        !cues.some((cue) => sentence.toLowerCase().includes(cue.toLowerCase())),
    );
  if (empty.length === 0) return pass('No promise without a measure behind it.', '没有空洞的保证。');
  const shown = [...new Set(empty)].map((sentence) => (sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence));
  return fail(
    `A promise such as "this will never happen again" convinces no one without the measure behind it. Say in the same sentence who checks what and how often, or remove it: ${quoteAll(shown, 3)}.`,
    `"保证再也不会发生"之类的话,没有具体措施支撑就没有说服力。请在同一句里写明由谁、检查什么、多久一次,或者删掉:${quoteAll(shown, 3)}。`,
  );
}

function length({ text, wording }: CheckInput): Outcome {
  const limit = wording.appealLimit.characters;
  if (text.length <= limit)
    return pass(
      `${text.length} of ${limit} characters. ${wording.appealLimit.note}`,
      `共 ${text.length} 个字符,上限 ${limit}。亚马逊没有公布申诉表单的字数上限,${limit} 是本应用自定的上限。`,
    );
  return fail(
    `The letter has ${text.length} characters; keep it within ${limit} so it fits the appeal form and stays concise. ${wording.appealLimit.note}`,
    `信共 ${text.length} 个字符,请控制在 ${limit} 以内,既能放进申诉表单,也更简洁。亚马逊没有公布上限,${limit} 是本应用自定的。`,
  );
}

const MAX_SUGGESTED_WORD = 30;

/** Lowercase words not in the dictionary; capitalised words are taken as names and left alone. */
function spelling({ text, wording, spelling: speller }: CheckInput): Outcome {
  const known = new Set(wording.vocabulary.map((word) => word.toLowerCase()));
  const words =
    text
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\S+@\S+|https?:\/\/\S+/g, ' ')
      .match(/(?<![\p{L}\p{N}])[a-z][a-z']*(?![\p{L}\p{N}])/gu) ?? [];
  const wrong = [...new Set(words.map((word) => word.replace(/'s$|'$/, '')))].filter(
    (word) => word.length > 1 && !known.has(word) && !speller.isCorrect(word),
  );
  if (wrong.length === 0)
    return pass('No spelling mistakes found (English dictionary).', '没有发现拼写错误(英文词典)。');
  const shown = wrong.slice(0, 10).map((word) => {
    // Suggestions for a very long "word" would cost seconds and help nobody.
    const suggestions = word.length > MAX_SUGGESTED_WORD ? [] : speller.suggest(word, 2);
    return suggestions.length > 0 ? `${word} → ${suggestions.join('/')}` : word;
  });
  return fail(
    `Possible misspellings: ${shown.join(', ')}${wrong.length > 10 ? ` (+${wrong.length - 10})` : ''}. Careless spelling makes a letter harder to trust.`,
    `可能拼错的词:${shown.join('、')}。拼写错误会让信显得不够认真。`,
  );
}

const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]/u;

function englishOnly({ text }: CheckInput): Outcome {
  const lines = text.split(/\r?\n/).filter((line) => CHINESE.test(line));
  if (lines.length === 0) return pass('The letter is all in English.', '信中没有中文。');
  // Each line shown from a little before its first Chinese character, so the seller sees what to translate.
  const shown = lines.map((line) => {
    const start = Math.max(0, line.search(CHINESE) - 10);
    const excerpt = line.slice(start, start + 40).trim();
    return `${start > 0 ? '…' : ''}${excerpt}${start + 40 < line.length ? '…' : ''}`;
  });
  return fail(
    `The letter goes to Amazon in English, but ${lines.length === 1 ? 'one line still contains' : `${lines.length} lines still contain`} Chinese characters or punctuation; translate them: ${quoteAll(shown, 3)}.`,
    `信要用英文发给亚马逊,但还有 ${lines.length} 行含有中文字符或全角标点,请翻译成英文:${quoteAll(shown, 3)}。`,
  );
}

/** Causes whose appeal stands on supplier invoices (Amazon asks for them to show where the goods came from). */
const INVOICE_CAUSES = new Set<CaseRecord['cause']>(['counterfeit']);
const MISSING_WORDS: Record<InvoiceCheckItem['key'], [string, string]> = {
  date: ['no date within 365 days of the notice', '没有通知前 365 天内的日期'],
  supplier: ["no supplier's name", '没有供应商名称'],
  address: ['no address', '没有地址'],
  phone: ['no phone number', '没有电话'],
  website: ['no website', '没有网站'],
  quantities: ['no quantities', '没有数量'],
};

/** The invoices attached to the case against Amazon's checklist (the evidence panel shows each item). */
function evidence({ invoices, record }: CheckInput): Outcome {
  if (invoices.length === 0)
    return INVOICE_CAUSES.has(record.cause)
      ? fail(
          "No supplier invoice is attached to this case. For an authenticity complaint, Amazon's help page lists invoices from your supplier among what it may ask for: attach them under Evidence.",
          '本案还没有附上供应商发票。对于真伪投诉,亚马逊帮助页面列出的可能要求提供的材料中包括供应商发票:请在"证据"中附上。',
        )
      : pass('No supplier invoice is attached to this case.', '本案没有附上供应商发票。');
  const gaps = invoices
    .map(({ name, check }) => ({ name, missing: check.items.filter((item) => !item.found) }))
    .filter(({ missing }) => missing.length > 0);
  if (gaps.length === 0)
    return pass(
      `${counted(invoices.length, 'attached invoice shows', 'attached invoices show')} everything Amazon's checklist asks for.`,
      `附上的 ${invoices.length} 张发票都满足亚马逊清单上的各项要求。`,
    );
  const described = (language: 0 | 1) =>
    gaps
      .map(
        ({ name, missing }) =>
          `${name}: ${missing.map((item) => MISSING_WORDS[item.key][language]).join(language ? '、' : ', ')}`,
      )
      .join(language ? ';' : '; ');
  return fail(
    `${counted(gaps.length, 'attached invoice lacks', 'attached invoices lack')} what Amazon's checklist asks for — ${described(0)}. Ask the supplier for a complete one before sending.`,
    `有 ${gaps.length} 张附上的发票缺少亚马逊清单要求的内容 — ${described(1)}。发送前请向供应商要一份完整的发票。`,
  );
}

const CHECKS: [PoaCheckId, (input: CheckInput) => Outcome][] = [
  ['placeholders', placeholders],
  ['three-parts', threeParts],
  ['asins', asins],
  ['coverage', coverage],
  ['tone', tone],
  ['promises', promises],
  ['length', length],
  ['spelling', spelling],
  ['english-only', englishOnly],
  ['evidence', evidence],
];

/** Every check before sending, in a fixed order, each with its reason. */
export function checkLetter(input: CheckInput): PoaCheck[] {
  return CHECKS.map(([id, check]) => ({ id, ...check(input) }));
}
