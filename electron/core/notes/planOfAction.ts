import type { CaseRecord } from '../../common/index.js';

const LETTER_BLOCK = /```letter\r?\n([\s\S]*?)\r?\n```/;

/** The letter template of a Plan-of-Action article, or null when it has none. */
export function letterTemplate(markdown: string): string | null {
  return LETTER_BLOCK.exec(markdown)?.[1] ?? null;
}

/** The five parts every Plan of Action follows (article poa-structure), for causes without a template. */
const FIVE_PART_SKELETON = `Dear Seller Performance Team,

1. Our account and the notice
{{store_name}} received your notice of {{notice_date}} about {{ASIN}} on {{marketplace}}.

2. Root cause
{{root_cause}}

3. Corrective actions we have taken
- {{action_1}}

4. Preventive measures for the future
- {{measure_1}}

5. Our request
We respectfully ask you to reinstate {{store_name}}.

Sincerely,
{{store_name}}`;

/** Fills what the case knows into a template; placeholders the case cannot fill stay for the seller. */
export function fillLetter(template: string, record: CaseRecord): string {
  // Placeholder names come from the template: a Map, so {{constructor}} is an unknown name like any other.
  const known = new Map<string, string | null>([
    ['asin', record.asins.join(', ') || null],
    ['asins', record.asins.join(', ') || null],
    ['marketplace', record.marketplace],
    ['notice_date', record.noticeReceived],
    ['appeal_date', record.appealSent],
    ['case_title', record.title],
  ]);
  return template.replace(/\{\{\s*([A-Za-z_]+)\s*\}\}/g, (placeholder, name: string) => known.get(name.toLowerCase()) ?? placeholder);
}

/** A draft note for the case: the cause's template (or the five-part skeleton) with the case's facts filled in. */
export function draftPlanOfAction(record: CaseRecord, templateMarkdown: string | null): { title: string; body: string } {
  const template = (templateMarkdown && letterTemplate(templateMarkdown)) ?? FIVE_PART_SKELETON;
  return { title: `Plan of Action — ${record.title}`, body: fillLetter(template, record) };
}
