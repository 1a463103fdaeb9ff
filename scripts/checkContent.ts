// npm run check:content — front matter, twins, links, glossary, contacts, and no copied seed text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listMarkdownFiles } from '../electron/core/content/folderListing.js';
import { loadLibraryFromContent } from '../electron/core/content/library.js';
import { nodeSanitizer } from '../electron/core/content/nodeSanitizer.js';
import { findAppRoot } from '../electron/core/paths.js';
import { checkLibrary, findCopiedRuns } from './contentChecks.js';
import { checkPoaContent } from './poaContentChecks.js';
import { checkTrust } from './trustChecks.js';

const appRoot = findAppRoot(process.cwd());
const library = loadLibraryFromContent(appRoot, nodeSanitizer());
const errors = [...checkLibrary(library), ...checkPoaContent(appRoot, library), ...checkTrust(library)];
const seedsDir = findSeedsDir(appRoot);
if (existsSync(seedsDir)) {
  const seeds = readdirSync(seedsDir).map((name) => readFileSync(join(seedsDir, name), 'utf8'));
  const files = [
    ...listMarkdownFiles(join(appRoot, 'content', 'articles')),
    join(appRoot, 'content', 'glossary.json'),
  ].map((path) => ({ path: path.slice(appRoot.length + 1), text: readFileSync(path, 'utf8') }));
  errors.push(...findCopiedRuns(files, seeds));
} else {
  console.log(`check:content: skipped the copy check: no seed documents at ${seedsDir}`);
}
const zh = library.articles.filter((article) => article.lang === 'zh').length;
const en = library.articles.length - zh;
if (zh < 25 || en < 25)
  errors.push(`content: ${zh} Chinese and ${en} English articles; at least 25 of each are needed`);
for (const error of errors) console.error(`check:content: ${error}`);
console.log(
  `check:content: ${library.articles.length} articles (${zh} zh, ${en} en), ${library.glossary.length} glossary terms, ${library.contacts.length} contacts, ${errors.length} problems`,
);
process.exitCode = errors.length === 0 ? 0 : 1;

/** The source documents live in a "shared/seeds" folder beside the repository or one of its parents (worktrees sit deeper). */
function findSeedsDir(start: string): string {
  const first = join(start, '..', 'shared', 'seeds');
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return first;
  }
}
