import type { CaseRecord, PoaQuestion, PoaUnfilled } from '../../common/index.js';

/** Placeholders the case's own fields fill, and the field that does. */
export const CASE_FIELDS = new Map<string, { field: keyof CaseRecord; en: string; zh: string }>([
  ['asin', { field: 'asins', en: 'the ASINs of the notice', zh: '通知中的 ASIN' }],
  ['asins', { field: 'asins', en: 'the ASINs of the notice', zh: '通知中的 ASIN' }],
  ['asin_2', { field: 'asins', en: 'a second ASIN of the notice', zh: '通知中的第二个 ASIN' }],
  ['marketplace', { field: 'marketplace', en: 'the marketplace', zh: '站点' }],
  ['notice_date', { field: 'noticeReceived', en: 'the date the notice was received', zh: '收到通知的日期' }],
  ['appeal_date', { field: 'appealSent', en: 'the date the appeal was sent', zh: '申诉日期' }],
  ['case_title', { field: 'title', en: 'the case title', zh: '案件标题' }],
]);

/** A placeholder the letter may do without: its list line (or ", {{…}}") goes when nothing fills it. */
const OPTIONAL = new Set(['asin_2']);
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const LIST_ITEM = /^\s*(?:(\d+)\.|[-*])\s+/;

const linesOf = (answer: string) =>
  answer
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(?:\d+[.)]|[-*•])\s+/, ''))
    .filter(Boolean);
const inline = (answer: string) => answer.trim().replace(/\s*\r?\n\s*/g, ' ');

/** The placeholders a letter names (lowercase), in order of first use. */
export function placeholdersOf(letter: string): string[] {
  return [...new Set([...letter.matchAll(PLACEHOLDER)].map((match) => match[1]!.toLowerCase()))];
}

/** What the case's fields fill: the notice's ASINs split over {{ASIN}} and {{ASIN_2}} where the letter has both. */
function caseValues(record: CaseRecord, present: Set<string>): Map<string, string> {
  const values = new Map<string, string>();
  const asins = record.asins;
  if (asins.length > 0) {
    const split = present.has('asin_2');
    values.set('asin', split ? asins[0]! : asins.join(', '));
    values.set('asins', asins.join(', '));
    if (split && asins.length > 1) values.set('asin_2', asins.slice(1).join(', '));
  }
  if (record.marketplace) values.set('marketplace', record.marketplace);
  if (record.noticeReceived) values.set('notice_date', record.noticeReceived);
  if (record.appealSent) values.set('appeal_date', record.appealSent);
  values.set('case_title', record.title);
  return values;
}

interface Filled {
  values: Map<string, string>;
  /** Placeholders an answer had fewer lines for than the letter has slots (one cause where it has room for two). */
  spare: Set<string>;
  /** Lines of an answer beyond the placeholders the letter has for them, added as items of their part. */
  extraItems: Map<'actions' | 'prevention', string[]>;
}

/** Spreads each answer over the placeholders it fills that the letter has: one line each, the rest to the last. */
function answerValues(questions: PoaQuestion[], answers: Map<string, string>, present: Set<string>): Filled {
  const values = new Map<string, string>();
  const spare = new Set<string>();
  const extraItems = new Map<'actions' | 'prevention', string[]>([
    ['actions', []],
    ['prevention', []],
  ]);
  for (const question of questions) {
    const answer = answers.get(question.id)?.trim();
    if (!answer) continue;
    const targets = question.fills.map((name) => name.toLowerCase()).filter((name) => present.has(name));
    const itemPart = question.part === 'actions' || question.part === 'prevention' ? question.part : null;
    if (!question.lines) {
      if (targets.length > 0) for (const target of targets) values.set(target, inline(answer));
      else if (itemPart && question.fills.length > 0) extraItems.get(itemPart)!.push(inline(answer));
      continue;
    }
    const lines = linesOf(answer);
    for (const target of targets.slice(Math.max(1, lines.length))) spare.add(target);
    if (itemPart) {
      targets.forEach((target, index) => lines[index] !== undefined && values.set(target, lines[index]!));
      extraItems.get(itemPart)!.push(...lines.slice(targets.length));
      continue;
    }
    targets.forEach((target, index) => {
      const last = index === targets.length - 1;
      const value = last ? lines.slice(index).join(' ') : lines[index];
      if (value) values.set(target, value);
    });
  }
  return { values, spare, extraItems };
}

/** Index of the heading line of a part ("Actions already taken", "Measures to prevent a recurrence" …). */
function headingIndex(lines: string[], part: 'actions' | 'prevention'): number {
  const pattern = part === 'actions' ? /\bactions?\b/i : /prevent|recurrence|happen again/i;
  return lines.findIndex(
    (line) =>
      line.trim().length < 80 &&
      !/[.:,]$/.test(line.trim()) &&
      !/^\s*[-*]/.test(line) &&
      pattern.test(line) &&
      !/^Subject:/i.test(line),
  );
}

/** Adds items after the last list item of a part, numbered like the ones before them. */
function addItems(lines: string[], part: 'actions' | 'prevention', items: string[]): string[] {
  if (items.length === 0) return lines;
  const heading = headingIndex(lines, part);
  if (heading < 0)
    return [
      ...lines,
      '',
      part === 'actions' ? 'Further actions taken' : 'Further preventive measures',
      '',
      ...items.map((item) => `- ${item}`),
    ];
  let index = heading + 1;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  let last = -1;
  for (; index < lines.length && LIST_ITEM.test(lines[index]!); index++) last = index;
  const numbered = last >= 0 ? LIST_ITEM.exec(lines[last]!)?.[1] : undefined;
  const start = numbered === undefined ? 0 : Number(numbered);
  const rendered = items.map((item, index) => (numbered === undefined ? `- ${item}` : `${start + index + 1}. ${item}`));
  const at = last >= 0 ? last + 1 : heading + 1;
  return [...lines.slice(0, at), ...(last >= 0 ? [] : ['']), ...rendered, ...lines.slice(at)];
}

/**
 * Puts the seller's own account of what happened after the letter's opening paragraph, with the
 * notice's ASINs where the template has no place for them.
 */
function addAccount(lines: string[], answers: Map<string, string>, record: CaseRecord, present: Set<string>): string[] {
  const happened = inline(answers.get('what-happened') ?? '');
  const orders = inline(answers.get('orders') ?? '');
  const asins =
    present.has('asin') || present.has('asins') || record.asins.length === 0
      ? ''
      : `The notice concerns ${record.asins.length === 1 ? 'ASIN' : 'ASINs'} ${record.asins.join(', ')}.`;
  const paragraph = [happened, asins, orders && `Orders and ASINs concerned: ${orders.replace(/[.。]$/, '')}.`]
    .filter(Boolean)
    .join(' ');
  if (!paragraph) return lines;
  const greeting = lines.findIndex((line) => /^Dear\b/.test(line.trim()));
  let index = greeting + 1;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  while (index < lines.length && lines[index]!.trim() !== '') index++;
  return [...lines.slice(0, index), '', paragraph, ...lines.slice(index)];
}

/** Adds "Attachments: …" before the signature when the letter has no place for the evidence. */
function addAttachments(lines: string[], evidence: string | undefined, present: Set<string>): string[] {
  if (!evidence || present.has('attachment_list')) return lines;
  const signature = lines.findIndex((line) => /^(Sincerely|Kind regards|Best regards|Yours)/i.test(line.trim()));
  const at = signature < 0 ? lines.length : signature;
  return [...lines.slice(0, at), `Attachments: ${inline(evidence)}`, '', ...lines.slice(at)];
}

/**
 * Drops what nothing needs to fill: the list line (or ", {{…}}") of an optional placeholder left
 * empty, and list items that are only a slot the seller's answer had no line for; then renumbers.
 */
function dropUnneeded(lines: string[], values: Map<string, string>, spare: Set<string>): string[] {
  const unfilled = (name: string) => OPTIONAL.has(name) && !values.has(name);
  const onlySpare = (line: string) => {
    const match = /^\s*(?:\d+\.|[-*])\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(line);
    return match !== null && spare.has(match[1]!.toLowerCase()) && !values.has(match[1]!.toLowerCase());
  };
  const kept = lines
    .filter(
      (line) =>
        !onlySpare(line) &&
        !(LIST_ITEM.test(line) && [...line.matchAll(PLACEHOLDER)].some((match) => unfilled(match[1]!.toLowerCase()))),
    )
    .map((line) =>
      line.replace(/,?\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) =>
        unfilled(name.toLowerCase()) ? '' : whole,
      ),
    );
  return renumber(kept);
}

/** Numbers each run of numbered list lines 1, 2, 3 … again from its first number. */
function renumber(lines: string[]): string[] {
  let next: number | null = null;
  return lines.map((line) => {
    const match = /^(\s*)(\d+)\.(\s+)/.exec(line);
    if (!match) {
      next = null;
      return line;
    }
    next = next === null ? Number(match[2]) : next + 1;
    return `${match[1]}${next}.${match[3]}${line.slice(match[0].length)}`;
  });
}

/**
 * The letter filled from the case's fields and the seller's answers; what nothing filled stays as
 * `{{placeholder}}` for unfilledPlaceholders to explain.
 */
export function draftLetter(
  template: string,
  record: CaseRecord,
  questions: PoaQuestion[],
  answers: Map<string, string>,
): string {
  const present = new Set(placeholdersOf(template));
  const fromCase = caseValues(record, present);
  const fromAnswers = answerValues(questions, answers, present);
  const values = new Map([...fromCase, ...fromAnswers.values]);
  let lines = template.split(/\r?\n/);
  lines = dropUnneeded(lines, values, fromAnswers.spare);
  lines = addAccount(lines, answers, record, present);
  lines = addItems(lines, 'actions', fromAnswers.extraItems.get('actions')!);
  lines = addItems(lines, 'prevention', fromAnswers.extraItems.get('prevention')!);
  lines = addAttachments(lines, answers.get('evidence'), present);
  return lines.join('\n').replace(PLACEHOLDER, (whole, name: string) => values.get(name.toLowerCase()) ?? whole);
}

/** Every placeholder still in `text` (as the letter spells it), each with the question or case field that fills it. */
export function unfilledPlaceholders(text: string, questions: PoaQuestion[]): PoaUnfilled[] {
  const spelled = new Map<string, string>();
  for (const match of text.matchAll(PLACEHOLDER))
    if (!spelled.has(match[1]!.toLowerCase())) spelled.set(match[1]!.toLowerCase(), match[1]!);
  return [...spelled].map(([name, placeholder]) => {
    const question = questions.find((candidate) => candidate.fills.some((fill) => fill.toLowerCase() === name)) ?? null;
    const caseField = CASE_FIELDS.get(name) ?? null;
    const shown = `{{${placeholder}}}`;
    if (question)
      return {
        placeholder,
        question: question.id,
        caseField: null,
        message: `${shown}: answer "${question.label.en}"`,
        messageZh: `${shown}:请回答"${question.label.zh}"`,
      };
    if (caseField)
      return {
        placeholder,
        question: null,
        caseField: caseField.field,
        message: `${shown}: fill in ${caseField.en} on the case`,
        messageZh: `${shown}:请在案件中填写${caseField.zh}`,
      };
    return {
      placeholder,
      question: null,
      caseField: null,
      message: `${shown}: no question fills this; replace it by hand in the letter`,
      messageZh: `${shown}:没有问题对应它,请直接在信中改写`,
    };
  });
}
