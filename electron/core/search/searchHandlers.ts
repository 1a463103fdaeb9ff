import type { KbApi } from '../../common/index.js';
import type { KnowledgeBase } from '../content/knowledgeBase.js';
import type { Notebook } from '../notes/notebook.js';
import { validateQuery } from './articleSearch.js';
import { parseOperators } from './queryOperators.js';

const NOTES_SHOWN = 5;

/**
 * One search over everything: the library's articles and contacts, and the notebook's notes when
 * it is open. The operators are read once here; `in:notes` and `in:articles` choose what is searched.
 */
export function searchHandlers(library: KnowledgeBase, openNotebook: () => Notebook | null): Pick<KbApi, 'search'> {
  return {
    search: async (query) => {
      const parsed = parseOperators(validateQuery(query));
      const result = library.find(query, parsed);
      const notebook = parsed.scope !== 'articles' && parsed.text.trim() ? openNotebook() : null;
      return { ...result, notes: notebook ? notebook.searchNotes(parsed.text, NOTES_SHOWN) : [] };
    },
  };
}
