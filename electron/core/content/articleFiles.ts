import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Article, ContentProblem } from '../../common/index.js';
import { leadingPart, MAX_RENDERED_CHARS } from '../../common/markdown/parseBounds.js';
import { renderMarkdown } from '../../common/markdown/renderMarkdown.js';
import type { Sanitize } from '../../common/markdown/sanitize.js';
import { describeKind } from '../files/fileKinds.js';
import { hasCjk } from '../search/tokenize.js';
import { runAtOnce, type Steps } from '../timeSlices.js';
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
const MAX_FILES_PER_FOLDER = 20_000;
const MAX_DEPTH = 12;

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

/** How a folder below the root is read; tests replace it to make one fail. */
export type ReadFolder = (dir: string) => Dirent[];
const readFolder: ReadFolder = (dir) => readdirSync(dir, { withFileTypes: true });

/**
 * Lists the Markdown files below a folder, skipping hidden folders and links, in a stable order.
 * A subfolder that cannot be read is skipped and passed to `unreadable`; only the root's failure throws.
 */
export function listMarkdownFiles(root: string, unreadable: (dir: string, error: unknown) => void = () => {}, read: ReadFolder = readFolder): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || files.length >= MAX_FILES_PER_FOLDER) return;
    let listed: Dirent[];
    try {
      listed = read(dir);
    } catch (error) {
      if (dir === root) throw error;
      unreadable(dir, error);
      return;
    }
    const entries = listed.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && /\.md$/i.test(entry.name) && files.length < MAX_FILES_PER_FOLDER) files.push(full);
    }
  };
  walk(root, 0);
  return files;
}

/** What a folder load remembers of each file, so a reload re-reads only files that changed. */
export type FileCache = Map<string, { mtimeMs: number; size: number; outcome: LoadedArticle | string }>;

/**
 * Loads every Markdown file below `root`; a bad file becomes a problem naming its path and the
 * reason, and never stops the rest from loading. Duplicate ids keep the first file. With a
 * `cache`, files whose size and mtime are unchanged are not read again.
 */
export function loadArticleFolder(root: string, sanitize: Sanitize, options: FolderLoadOptions, cache: FileCache = new Map()): FolderLoad {
  return runAtOnce(folderLoadSteps(root, sanitize, options, cache));
}

export interface FolderLoadOptions {
  displayRoot: string;
  userFolder: string | null;
  /** Replaces how folders are listed (tests make one fail). */
  readFolder?: ReadFolder;
}

/** loadArticleFolder as steps, one per file (see timeSlices). */
export function* folderLoadSteps(root: string, sanitize: Sanitize, options: FolderLoadOptions, cache: FileCache): Steps<FolderLoad> {
  const articles: LoadedArticle[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  const displayPathOf = (path: string) => relative(options.displayRoot, path).split(sep).join('/');
  const skipFolder = (dir: string, error: unknown) => problems.push({ path: `${displayPathOf(dir)}/`, message: `folder skipped: it ${problemMessage(error)}` });
  const files = listMarkdownFiles(root, skipFolder, options.readFolder);
  const present = new Set(files);
  for (const stale of [...cache.keys()].filter((file) => !present.has(file))) cache.delete(stale);
  for (const file of files) {
    yield;
    const displayPath = displayPathOf(file);
    const outcome = readCached(file, cache, () => readArticleFile(file, sanitize, { displayPath, userFolder: options.userFolder }));
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

function readCached(file: string, cache: FileCache, read: () => LoadedArticle): LoadedArticle | string {
  let stats: { mtimeMs: number; size: number };
  try {
    stats = statSync(file);
  } catch (error) {
    return problemMessage(error);
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.outcome;
  let outcome: LoadedArticle | string;
  try {
    outcome = read();
  } catch (error) {
    outcome = problemMessage(error);
  }
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, outcome });
  return outcome;
}

/** The message of a content failure, without internals for unexpected errors. */
export function problemMessage(error: unknown): string {
  if (error instanceof ContentError || error instanceof RangeError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ? `cannot be read (${code})` : `cannot be loaded: ${String((error as Error)?.message ?? error)}`;
}
