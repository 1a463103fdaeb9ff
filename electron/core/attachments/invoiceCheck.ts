import type { InvoiceCheckItem } from '../../common/index.js';

const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((month, index) => [
    month,
    index + 1,
  ]),
);
const DAY_MS = 86_400_000;
/** Amazon accepts supplier invoices dated within the last 365 days. */
export const INVOICE_MAX_AGE_DAYS = 365;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Every date written in the text (2026-03-14, 2026/3/14, 14.03.2026, March 14, 2026, 14 Mar 2026, 2026年3月14日), in order. */
export function datesIn(text: string): string[] {
  const found: { at: number; date: string }[] = [];
  const add = (at: number, date: string | null) => date && found.push({ at, date });
  for (const m of text.matchAll(/\b(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/g))
    add(m.index, isoDate(+m[1]!, +m[2]!, +m[3]!));
  for (const m of text.matchAll(/\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/g))
    add(m.index, isoDate(+m[3]!, +m[2]!, +m[1]!) ?? isoDate(+m[3]!, +m[1]!, +m[2]!));
  for (const m of text.matchAll(/\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/g))
    add(m.index, isoDate(+m[3]!, MONTHS.get(m[1]!.toLowerCase()) ?? 0, +m[2]!));
  for (const m of text.matchAll(/\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/g))
    add(m.index, isoDate(+m[3]!, MONTHS.get(m[2]!.toLowerCase()) ?? 0, +m[1]!));
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.date);
}

function firstMatch(text: string, patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return (match[1] ?? match[0]).trim().slice(0, 120);
  }
  return null;
}

const SUPPLIER = [
  /(?:supplier|seller|vendor|sold by|from|供应商|卖方|销售方)\s*[:：]\s*([^\n]{2,80})/i,
  /([^\n]{0,60}\b(?:Ltd|Limited|LLC|Inc|GmbH|Co\.|Corp|Corporation|S\.?A\.?R\.?L|K\.K\.)\.?)(?=[\s,]|$)/,
  /([^\n]{2,40}有限公司)/,
];
const ADDRESS = [
  /(?:address|addr|地址)\s*[:：]\s*([^\n]{4,120})/i,
  /(\d{1,5}\s+[^\n]{2,60}\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Way|Drive|Dr)\b\.?[^\n]{0,60})/i,
  /([^\n]{0,40}(?:省|市|区|县|路|街)[^\n]{0,20}号[^\n]{0,20})/,
];
const PHONE = [
  /(?:tel|phone|telephone|mobile|电话|手机)\s*[.:：]?\s*(\+?[\d\s()./-]{7,24}\d)/i,
  /(\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4})/,
];
const WEBSITE = [
  /\b((?:https?:\/\/)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)\b/i,
  /\b(https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+)/i,
  /(?:website|web|网址|网站)\s*[:：]\s*([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i,
];
const QUANTITY = [
  /(?:\bqty\b|\bquantity\b|数量)\s*[.:：]?\s*(\d[\d,.]*)/i,
  /(\d[\d,]*\s*(?:pcs|pieces|units|cartons|boxes|sets|件|个|箱))\b/i,
];

/**
 * Amazon's checklist for a supplier invoice, read from its text: a date within 365 days before
 * `referenceDate` (the notice), the supplier's name, address, phone and website, and quantities.
 */
export function checkInvoice(text: string, referenceDate: string): InvoiceCheckItem[] {
  const reference = Date.parse(referenceDate);
  const dates = datesIn(text);
  const within = dates.find((date) => {
    const age = (reference - Date.parse(date)) / DAY_MS;
    return age >= 0 && age <= INVOICE_MAX_AGE_DAYS;
  });
  const dateItem: InvoiceCheckItem = within
    ? { key: 'date', found: true, detail: within }
    : {
        key: 'date',
        found: false,
        detail:
          dates.length > 0 ? `${dates[0]} is not within ${INVOICE_MAX_AGE_DAYS} days before ${referenceDate}` : null,
      };
  const item = (key: InvoiceCheckItem['key'], patterns: RegExp[]): InvoiceCheckItem => {
    const detail = firstMatch(text, patterns);
    return { key, found: detail !== null, detail };
  };
  return [
    dateItem,
    item('supplier', SUPPLIER),
    item('address', ADDRESS),
    item('phone', PHONE),
    item('website', WEBSITE),
    item('quantities', QUANTITY),
  ];
}
