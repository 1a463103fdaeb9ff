import type { CaseStatus, DeadlineRule } from '../../common/index.js';

/** The follow-up a status implies: how many days after the appeal, and the article slug that says so. */
export interface FollowUpRule {
  days: number;
  article: string;
}

export type FollowUpLookup = (status: CaseStatus) => FollowUpRule | undefined;

/**
 * The notebook's follow-up rules, read from the deadline rules (content/deadlines.json owns the
 * figures): a rule counting from the appeal while the case has a status sets that case's follow-up.
 */
export function followUpFromRules(rules: readonly DeadlineRule[]): FollowUpLookup {
  return (status) => {
    const rule = rules.find(
      (candidate) => candidate.status === status && candidate.from === 'appeal-sent' && !candidate.stated,
    );
    return rule && { days: rule.days, article: rule.articleId.replace(/-(?:en|zh)$/, '') };
  };
}
