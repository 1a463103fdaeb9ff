import type { LibraryData } from '../electron/core/content/library.js';
import { CASE_CAUSES } from '../electron/common/index.js';
import { CASE_FIELDS, placeholdersOf } from '../electron/core/planOfAction/draftLetter.js';
import { loadPoaContent, questionsFor } from '../electron/core/planOfAction/poaContent.js';
import { letterOrSkeleton } from '../electron/core/notes/planOfAction.js';

/**
 * content/poa-questions.json and poa-wording.json load, every cause has its tailored hints, and
 * every placeholder of every letter template is filled by a question for that cause or by a case field.
 */
export function checkPoaContent(appRoot: string, library: LibraryData): string[] {
  let content: ReturnType<typeof loadPoaContent>;
  try {
    content = loadPoaContent(appRoot);
  } catch (error) {
    return [(error as Error).message];
  }
  const errors: string[] = [];
  for (const cause of CASE_CAUSES) {
    if (!content.bank.causeHints.has(cause)) errors.push(`content/poa-questions.json: causeHints has no "${cause}"`);
    const article = library.articles.find((candidate) => candidate.id === `poa-template-${cause}-en`);
    if (cause !== 'other' && !article)
      errors.push(`content/poa-questions.json: no template article poa-template-${cause}-en for cause "${cause}"`);
    const filled = new Set(
      questionsFor(content.bank, cause).flatMap((question) => question.fills.map((name) => name.toLowerCase())),
    );
    for (const placeholder of placeholdersOf(letterOrSkeleton(article?.markdown ?? null))) {
      if (!filled.has(placeholder) && !CASE_FIELDS.has(placeholder))
        errors.push(
          `content/poa-questions.json: no question for cause "${cause}" fills {{${placeholder}}} of its letter template`,
        );
    }
  }
  return errors;
}
