import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contact, ContentProblem, GlossaryTerm } from '../../common/index.js';
import type { Sanitize } from '../../common/markdown/sanitize.js';
import { ArticleSearch, type SearchDocument } from '../search/articleSearch.js';
import { buildSearchForms, type SearchForms } from '../search/glossaryIndex.js';
import { pinyinTerms } from '../search/pinyin.js';
import { loadArticleFolder, problemMessage, type LoadedArticle } from './articleFiles.js';
import { parseContacts, parseGlossary, parseSynonyms } from './dataFiles.js';

/** The shipped library: articles, glossary and contacts, with every problem found loading them. */
export interface LibraryData {
  articles: LoadedArticle[];
  glossary: GlossaryTerm[];
  contacts: Contact[];
  /** Pinyin and colloquial forms of the glossary terms (content/synonyms.json), worked out at build time. */
  searchForms: SearchForms[];
  problems: ContentProblem[];
}

/** The library plus its search index, as written at build time and loaded at start-up. */
export interface PrebuiltLibrary extends LibraryData {
  formatVersion: typeof PREBUILT_FORMAT;
  /** The binary search index (ArticleSearch.serialize), base64 so the library stays one JSON file. */
  index: string;
}

// 3: sources carry title/publisher/date/url/helpId/document; contacts carry a note (issue 14).
// 4: the glossary's search forms (pinyin, content/synonyms.json) and pinyin in the index (issue 15).
// 5: the index's Latin words sorted (issue 20).
export const PREBUILT_FORMAT = 5;

/** Loads content/ (articles, glossary.json, contacts.json); bad files become problems, not failures. */
export function loadLibraryFromContent(repoRoot: string, sanitize: Sanitize): LibraryData {
  const contentDir = join(repoRoot, 'content');
  const { articles, problems } = loadArticleFolder(join(contentDir, 'articles'), sanitize, { displayRoot: repoRoot, userFolder: null });
  const glossary = readDataFile(join(contentDir, 'glossary.json'), 'content/glossary.json', parseGlossary, problems);
  const contacts = readDataFile(join(contentDir, 'contacts.json'), 'content/contacts.json', parseContacts, problems);
  const synonyms = readDataFile(join(contentDir, 'synonyms.json'), 'content/synonyms.json', parseSynonyms, problems);
  return { articles, glossary, contacts, searchForms: buildSearchForms(glossary, synonyms), problems };
}

function readDataFile<T>(path: string, displayPath: string, parse: (text: string) => T[], problems: ContentProblem[]): T[] {
  if (!existsSync(path)) return [];
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ path: displayPath, message: problemMessage(error) });
    return [];
  }
}

/** What the search index holds of an article. */
export function toSearchDocument(article: LoadedArticle): SearchDocument {
  const tags = article.tags.join(' ');
  return { id: article.id, title: article.title, tags, summary: article.summary, body: article.plainText, pinyin: pinyinTerms(`${article.title} ${tags}`).join(' ') };
}

/** Builds the index and packs everything for shipping. */
export function prebuildLibrary(data: LibraryData): PrebuiltLibrary {
  const index = Buffer.from(ArticleSearch.build(data.articles.map(toSearchDocument)).serialize()).toString('base64');
  return { formatVersion: PREBUILT_FORMAT, ...data, index };
}

/**
 * Reads a prebuilt library file, with a digest of its bytes (what names this build of the library);
 * returns null when it is absent or of another format.
 */
export function readPrebuiltLibrary(path: string): { library: PrebuiltLibrary; digest: string } | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const library = JSON.parse(bytes.toString('utf8')) as PrebuiltLibrary;
  return library.formatVersion === PREBUILT_FORMAT ? { library, digest: createHash('sha256').update(bytes).digest('hex') } : null;
}

/** The prebuilt library's search index. */
export function loadPrebuiltIndex(library: PrebuiltLibrary): ArticleSearch {
  return ArticleSearch.load(Buffer.from(library.index, 'base64'));
}
