import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { listMarkdownFiles, listMarkdownFilesAsync, type ReadFolder } from './folderListing.js';
import type { Article, ContentProblem } from '../../common/index.js';
import { leadingPart, MAX_RENDERED_CHARS } from '../../common/markdown/parseBounds.js';
import { renderMarkdown } from '../../common/markdown/renderMarkdown.js';
import type { Sanitize } from '../../common/markdown/sanitize.js';
import { describeKind } from '../files/fileKinds.js';
import { hasCjk } from '../search/tokenize.js';
import { ContentError, parseFrontMatter, splitFrontMatter, type FrontMatter } from './frontMatter.js';
import { markdownToPlainText } from './plainText.js';

/** An article as the core keeps it: rendered, plus the plain text that search snippets quote. */
export interface LoadedArticle extends Article {
  plainText: string;
}

export interface FolderLoad {
  articles: LoadedArticle[];
  problems: ContentProblem[];
}

export interface ArticleFileOptions {
  /** The file's path as shown to people: relative to the repository root, or to the user folder. */
  displayPath: string;
  /** Set for a user's own folder: front matter becomes optional and gets defaults. */
  userFolder: string | null;
}

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Reads, validates and renders one Markdown file; throws ContentError naming what is wrong. */
export function readArticleFile(path: string, sanitize: Sanitize, options: ArticleFileOptions): LoadedArticle {
  const stats = statSync(path);
  // A FIFO would block the read, a device never end it: only regular files are read.
  if (!stats.isFile()) throw new ContentError(`${describeKind(stats)}, not a file`);
  const size = stats.size;
  if (size > MAX_ARTICLE_BYTES) throw new ContentError(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; articles may be at most 5 MB`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new ContentError('not a text file (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError('not valid UTF-8 text');
  }
  const { yaml, body } = splitUserOrLibrary(text, options);
  // A long file is rendered and indexed only in part, so that no one file holds the core up.
  const shown = leadingPart(body, MAX_RENDERED_CHARS);
  const plainText = markdownToPlainText(shown ?? body);
  const meta = options.userFolder ? parseFrontMatter(yaml, userDefaults(plainText, body, path, options)) : parseFrontMatter(yaml);
  const rendered = renderMarkdown(shown ?? body, sanitize);
  if (shown !== null) rendered.html += renderCapNotice(shown.length, body.length);
  return {
    ...meta,
    path: options.displayPath,
    folder: options.userFolder,
    markdown: body,
    html: rendered.html,
    headings: rendered.headings,
    checklists: rendered.checklists,
    plainText,
  };
}

/** Whether a loaded file's rendering was cut, as a problem the folder lists. */
export function renderCapProblem(article: LoadedArticle): string | null {
  return article.markdown.length > MAX_RENDERED_CHARS
    ? `shown in part: the file has ${article.markdown.length.toLocaleString('en')} characters and only the first ${MAX_RENDERED_CHARS.toLocaleString('en')} are shown and searched; split it into smaller files to have all of it`
    : null;
}

function renderCapNotice(shown: number, total: number): string {
  return `\n<p class="render-cap-notice">只显示和搜索了前 ${shown.toLocaleString('en')} 个字符（共 ${total.toLocaleString('en')} 个）。Only the first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} characters are shown and searched: split the file to have all of it.</p>\n`;
}

/** The front matter and the body; a user's file may have no front matter. */
function splitUserOrLibrary(text: string, options: ArticleFileOptions): { yaml: string; body: string } {
  if (!options.userFolder || /^\uFEFF?---\r?\n/.test(text)) return splitFrontMatter(text);
  return { yaml: '{}', body: text };
}

/** A user's notes need no front matter: id, title, language and summary are derived when absent. */
function userDefaults(plain: string, body: string, path: string, options: ArticleFileOptions): Partial<FrontMatter> {
  const firstHeading = /^#{1,3}[ \t]+(.+)$/m.exec(body)?.[1]?.trim();
  return {
    id: `user-${createHash('sha1').update(`${options.userFolder}\n${options.displayPath}`).digest('hex').slice(0, 16)}`,
    title: firstHeading ?? basename(path).replace(/\.md$/i, ''),
    lang: hasCjk(plain) ? 'zh' : 'en',
    category: 'user',
    summary: plain.slice(0, 160) || basename(path),
    updated: statSync(path).mtime.toISOString().slice(0, 10),
  };
}

/** How one file loaded: the article, or the problem that stopped it (a sentence naming what is wrong). */
export type FileOutcome = LoadedArticle | string;

/** readArticleFile with its failure as a problem: one bad file never stops a folder. */
export function readArticleOutcome(path: string, sanitize: Sanitize, options: ArticleFileOptions): FileOutcome {
  try {
    return readArticleFile(path, sanitize, options);
  } catch (error) {
    return problemMessage(error);
  }
}

export interface FolderLoadOptions {
  displayRoot: string;
  userFolder: string | null;
  /** Replaces how folders are listed (tests make one fail). */
  readFolder?: ReadFolder;
}

/** The Markdown files below `root`, with a problem for each subfolder that had to be skipped. */
export function listFolder(root: string, options: FolderLoadOptions): ListedFiles {
  const problems: ContentProblem[] = [];
  return { files: listMarkdownFiles(root, skippedFolder(options.displayRoot, problems), options.readFolder), problems };
}

/** listFolder without blocking (a user folder, listed on the core's thread). */
export async function listFolderAsync(root: string): Promise<ListedFiles & { directories: string[] }> {
  const problems: ContentProblem[] = [];
  const directories: string[] = [];
  return { files: await listMarkdownFilesAsync(root, skippedFolder(root, problems), directories), problems, directories };
}

export interface ListedFiles {
  files: string[];
  problems: ContentProblem[];
}

function skippedFolder(displayRoot: string, problems: ContentProblem[]): (dir: string, error: unknown) => void {
  return (dir, error) => problems.push({ path: `${displayPathOf(displayRoot, dir)}/`, message: `folder skipped: it ${problemMessage(error)}` });
}

/** A file's path as people see it: relative to the folder shown, with forward slashes. */
export function displayPathOf(displayRoot: string, path: string): string {
  // The common case, a file below the root, without path.relative's work (thousands of calls per folder).
  const below = path.startsWith(displayRoot + sep) ? path.slice(displayRoot.length + 1) : relative(displayRoot, path);
  return sep === '/' ? below : below.split(sep).join('/');
}

/**
 * Loads every Markdown file below `root` on this thread (the build script; user folders load in
 * worker threads, see folderLoader): a bad file becomes a problem naming its path and the reason.
 */
export function loadArticleFolder(root: string, sanitize: Sanitize, options: FolderLoadOptions): FolderLoad {
  const listed = listFolder(root, options);
  const outcomes = listed.files.map((file) => {
    const displayPath = displayPathOf(options.displayRoot, file);
    return { displayPath, outcome: readArticleOutcome(file, sanitize, { displayPath, userFolder: options.userFolder }) };
  });
  return assembleFolder(outcomes, listed.problems);
}

/**
 * A folder from its files' outcomes, in listing order: problems listed, duplicate ids keep the
 * first file, and files shown only in part say so.
 */
export function assembleFolder(outcomes: { displayPath: string; outcome: FileOutcome }[], problems: ContentProblem[]): FolderLoad {
  const articles: LoadedArticle[] = [];
  const seen = new Map<string, string>();
  for (const { displayPath, outcome } of outcomes) {
    if (typeof outcome === 'string') {
      problems.push({ path: displayPath, message: outcome });
      continue;
    }
    const first = seen.get(outcome.id);
    if (first) {
      problems.push({ path: displayPath, message: `id "${outcome.id}" is already used by ${first}` });
      continue;
    }
    seen.set(outcome.id, displayPath);
    articles.push(outcome);
    const cut = renderCapProblem(outcome);
    if (cut) problems.push({ path: displayPath, message: cut });
  }
  return { articles, problems };
}

/** The message of a content failure, without internals for unexpected errors. */
export function problemMessage(error: unknown): string {
  if (error instanceof ContentError || error instanceof RangeError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ? `cannot be read (${code})` : `cannot be loaded: ${String((error as Error)?.message ?? error)}`;
}
