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

/** The letter of a template article, or the five-part skeleton when there is none. */
export function letterOrSkeleton(templateMarkdown: string | null): string {
  return (templateMarkdown && letterTemplate(templateMarkdown)) ?? FIVE_PART_SKELETON;
}
