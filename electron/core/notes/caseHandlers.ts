import type { CaseInput, KbApi } from '../../common/index.js';
import { argumentFields, requireObject } from '../validation.js';
import type { Notebook } from './notebook.js';
import { idOf, NOTEBOOK, requireId, validateCaseInput } from './validate.js';

export type CaseMethods = 'listCases' | 'getCase' | 'createCase' | 'updateCase' | 'deleteCase' | 'restoreCase';

/** Cases: listed, read, created, changed, moved to the trash and back. Fields are checked here, once; the Notebook trusts them. */
export function caseHandlers(notebook: () => Notebook): Pick<KbApi, CaseMethods> {
  return {
    listCases: async () => notebook().listCases(),
    getCase: async (request) => notebook().getCase(idOf(request)),
    createCase: async (input) => notebook().createCase(validateCaseInput(input, false) as CaseInput),
    updateCase: async (request) => {
      const fields = argumentFields(request, NOTEBOOK, ['id', 'changes']);
      const id = requireId(fields.id, 'id');
      return notebook().updateCase(id, validateCaseInput(requireObject(fields.changes, 'changes', NOTEBOOK), true));
    },
    deleteCase: async (request) => notebook().deleteCase(idOf(request)),
    restoreCase: async (request) => notebook().restoreCase(idOf(request)),
  };
}
