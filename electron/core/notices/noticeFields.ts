import type { NoticeDocument, StatedDeadline } from '../../common/index.js';
import { isRecipientLine } from './marketplaceRules.js';

/** Letters and digits of an ASIN; B0… for products, ten digits (ISBN) only where labelled "ASIN". */
const ASIN_LIKE = /\bB0[0-9A-Z]{8}\b/g;
const LABELLED_ASIN = /\bASINs?\s*[:：#]?\s*((?:[0-9A-Z]{10}(?:\s*[,、/]\s*|\s+(?:and|und|und)\s+|\s+)?)+)/gi;

/** The ASINs named in the notice, in order, without repeats. */
export function findAsins(flat: string): string[] {
  const found = new Set<string>();
  for (const match of flat.matchAll(ASIN_LIKE)) found.add(match[0]);
  for (const match of flat.matchAll(LABELLED_ASIN)) {
    for (const candidate of match[1]!.split(/[^0-9A-Za-z]+/)) {
      if (/^(?=.*\d)[0-9A-Z]{10}$/.test(candidate)) found.add(candidate);
    }
  }
  return [...found];
}

/** The words for each document a notice asks for. */
const DOCUMENT_PHRASES: ReadonlyMap<NoticeDocument, RegExp> = new Map([
  ['invoices', /\binvoices?\b|請求書|納品書|\bRechnung(?:en)?\b/i],
  [
    'letter-of-authorization',
    /\bletters? of authori[sz]ation\b|\bauthori[sz]ation letters?\b|\bLOA\b|許諾書|\bAutorisierungsschreiben\b|\bVollmacht\b/i,
  ],
  [
    'business-license',
    /\bbusiness (?:licen[cs]es?|registration(?: certificate)?)\b|\bcertificate of incorporation\b|登記簿謄本|履歴事項全部証明書|営業許可証?|\bGewerbeanmeldung\b|\bHandelsregisterauszug\b|\bGewerbeschein\b/i,
  ],
  [
    'utility-bill',
    /\butility bills?\b|公共料金(?:の)?(?:請求書|領収書)|\bNebenkostenabrechnung\b|\bVersorgerrechnung\b|\b(?:Strom|Gas|Wasser)rechnung\b/i,
  ],
  [
    'identity-document',
    /\b(?:government[- ]issued (?:photo )?ID|passport|national identity card|identity document|driver'?s licen[cs]e)\b|身分証明書|パスポート|運転免許証|\b(?:Personalausweis|Reisepass|Ausweisdokument)\b/i,
  ],
  [
    'bank-statement',
    /\b(?:bank (?:account )?statements?|credit card statements?)\b|銀行(?:口座)?(?:の)?(?:取引明細|明細書)|クレジットカード(?:の)?明細|\bKontoausz(?:ug|üge)\b|\bKreditkartenabrechnung\b/i,
  ],
  ['plan-of-action', /\bplan of action\b|\bPOA\b|改善計画書?|\bMaßnahmenplan\b|\bAktionsplan\b/i],
  ['safety-data-sheet', /\b(?:safety data sheets?|SDS|MSDS)\b|安全データシート|\bSicherheitsdatenblatt\w*\b/i],
  ['test-report', /\b(?:test|lab(?:oratory)?) reports?\b|試験(?:成績書|報告書)|\bPrüfberichte?\b/i],
  [
    'certificate-of-compliance',
    /\b(?:certificates? of (?:compliance|conformity)|Children'?s Product Certificate|CPC|declaration of conformity)\b|適合(?:証明書|宣言書)|\bKonformitätserklärung\b|\bEU-Konformitätserklärung\b/i,
  ],
]);

/** The documents the notice asks for, with the words that named each. */
export function findDocuments(flat: string): { documents: NoticeDocument[]; phrases: string[] } {
  const documents: NoticeDocument[] = [];
  const phrases: string[] = [];
  for (const [document, pattern] of DOCUMENT_PHRASES) {
    const match = pattern.exec(flat);
    if (!match) continue;
    documents.push(document);
    phrases.push(match[0]);
  }
  return { documents, phrases };
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['fourteen', 14],
  ['fifteen', 15],
  ['seventeen', 17],
  ['twenty', 20],
  ['thirty', 30],
  ['sixty', 60],
  ['ninety', 90],
  ['zwei', 2],
  ['drei', 3],
  ['sieben', 7],
  ['siebzehn', 17],
  ['dreißig', 30],
]);
const AMOUNT =
  '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|seventeen|twenty|thirty|sixty|ninety|zwei|drei|sieben|siebzehn|dreißig)';

const DEADLINE_PATTERNS: readonly { pattern: RegExp; kind: StatedDeadline['kind'] }[] = [
  {
    pattern: new RegExp(
      `\\b(?:within|in the next|no later than|in)\\s+${AMOUNT}(?:\\s*\\(\\d+\\))?\\s+(?:calendar\\s+|business\\s+)?days?\\b`,
      'gi',
    ),
    kind: 'days',
  },
  { pattern: new RegExp(`\\b${AMOUNT}[- ](?:calendar[- ])?days?\\s+(?:from|after|of)\\b`, 'gi'), kind: 'days' },
  { pattern: new RegExp(`\\b(?:within|in the next|in)\\s+${AMOUNT}\\s+hours?\\b`, 'gi'), kind: 'hours' },
  {
    pattern: new RegExp(`\\bafter\\s+${AMOUNT}\\s+(?:unsuccessful|failed|rejected|denied)\\s+appeals?\\b`, 'gi'),
    kind: 'appeals',
  },
  { pattern: /(\d{1,3})\s*(?:日|営業日)以内/g, kind: 'days' },
  { pattern: /(\d{1,3})\s*時間以内/g, kind: 'hours' },
  {
    pattern: /(\d{1,2})\s*回(?:の)?(?:異議申し立て|申し立て|不服申し立て)(?:が|を)?(?:却下|不成功|認められな)/g,
    kind: 'appeals',
  },
  {
    pattern: new RegExp(`\\binnerhalb\\s+(?:von\\s+)?${AMOUNT}\\s+(?:Kalender|Werk)?tag(?:e|en)\\b`, 'gi'),
    kind: 'days',
  },
  { pattern: new RegExp(`\\binnerhalb\\s+(?:von\\s+)?${AMOUNT}\\s+Stunden\\b`, 'gi'), kind: 'hours' },
  {
    pattern: new RegExp(
      `\\bnach\\s+${AMOUNT}\\s+(?:erfolglosen|abgelehnten)\\s+(?:Einsprüchen|Widersprüchen|Beschwerden)\\b`,
      'gi',
    ),
    kind: 'appeals',
  },
];

/** Deadlines the notice states in words, each once per kind and amount. */
export function findStatedDeadlines(flat: string): StatedDeadline[] {
  const found = new Map<string, StatedDeadline>();
  for (const { pattern, kind } of DEADLINE_PATTERNS) {
    for (const match of flat.matchAll(pattern)) {
      const word = match[1]!.toLowerCase();
      const amount = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
      if (!amount || amount < 1) continue;
      const key = `${kind}:${amount}`;
      if (!found.has(key)) found.set(key, { kind, amount, phrase: match[0] });
    }
  }
  return [...found.values()];
}

const EMAIL = /\b[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}\b/gi;

/** E-mail addresses the notice names, leaving out the seller's own (To and Cc lines, and who forwarded it). */
export function findAddresses(lines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    if (isRecipientLine(line)) continue;
    const isSender = /^(?:From|Von|差出人|送信者)\s*:/i.test(line) || /\b(?:wrote|schrieb)\s*:?$/i.test(line);
    for (const match of line.matchAll(EMAIL)) {
      const address = match[0].toLowerCase();
      if (isSender && !/@(?:[a-z0-9-]+\.)*amazon\./.test(address)) continue;
      found.add(address);
    }
  }
  return [...found];
}
