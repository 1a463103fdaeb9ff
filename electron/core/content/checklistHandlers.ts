import { KbError, type KbApi } from '../../common/index.js';
import type { Notebook } from '../notes/notebook.js';
import { argumentFields, requireBoolean, requireText, requireWholeNumber } from '../validation.js';
import type { KnowledgeBase } from './knowledgeBase.js';

const CHECKLISTS = 'Checklists: ';
const MAX_STEP = 1000;

export type ChecklistMethods = 'getChecklistProgress' | 'setChecklistStep' | 'resetChecklist';

/**
 * Reading progress: the ticked steps of an article's checklists, kept in the notebook. Progress is
 * kept per checklist name, which both language twins share.
 */
export function checklistHandlers(library: KnowledgeBase, notebook: () => Notebook): Pick<KbApi, ChecklistMethods> {
  const checklistNames = (articleId: string) => library.get(articleId).checklists.map((checklist) => checklist.name);
  const articleIdOf = (request: unknown) => requireText(argumentFields(request, CHECKLISTS, ['articleId']).articleId, 'articleId', CHECKLISTS);
  return {
    getChecklistProgress: async (request) => {
      const articleId = articleIdOf(request);
      return notebook().getChecklistProgress(articleId, checklistNames(articleId));
    },
    setChecklistStep: async (change) => {
      const fields = argumentFields(change, CHECKLISTS, ['articleId', 'checklist', 'step', 'done']);
      const valid = {
        articleId: requireText(fields.articleId, 'articleId', CHECKLISTS),
        checklist: requireText(fields.checklist, 'checklist', CHECKLISTS),
        step: requireWholeNumber(fields.step, 'step', CHECKLISTS, 0, MAX_STEP),
        done: requireBoolean(fields.done, 'done', CHECKLISTS),
      };
      const names = checklistNames(valid.articleId);
      // Names come from the caller: only the article's own checklists may be ticked ("constructor" is a name like any other).
      if (!names.includes(valid.checklist)) throw new KbError('INVALID_INPUT', `Checklists: article "${valid.articleId}" has no checklist "${valid.checklist}"`);
      return notebook().setChecklistStep(valid, names);
    },
    resetChecklist: async (request) => {
      const articleId = articleIdOf(request);
      return notebook().resetChecklist(articleId, checklistNames(articleId));
    },
  };
}
