import { CATEGORIES, LANGS, type KbApi } from '../../common/index.js';
import { argumentFields, optionalOneOf, requireText } from '../validation.js';
import type { KnowledgeBase } from './knowledgeBase.js';

const LIBRARY = 'Library: ';

export type LibraryMethods = 'getLibraryInfo' | 'listArticles' | 'getArticle' | 'getContacts' | 'getGlossary';

/** Reading the library: its counts, article lists and articles, contacts and glossary. */
export function libraryHandlers(library: KnowledgeBase): Pick<KbApi, LibraryMethods> {
  return {
    getLibraryInfo: async () => library.info(),
    listArticles: async (filter) => {
      const fields = argumentFields(filter, LIBRARY, ['category', 'lang']);
      return library.list({ category: optionalOneOf(fields.category, CATEGORIES, 'category', LIBRARY), lang: optionalOneOf(fields.lang, LANGS, 'lang', LIBRARY) });
    },
    getArticle: async (request) => library.get(requireText(argumentFields(request, LIBRARY, ['id']).id, 'id', LIBRARY)),
    getContacts: async () => library.contacts(),
    getGlossary: async () => library.glossary(),
  };
}
