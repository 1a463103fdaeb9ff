// Build step: loads content/, builds the search index, and writes the prebuilt library the app loads at start-up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadLibraryFromContent, prebuildLibrary } from '../electron/core/content/library.js';
import { nodeSanitizer } from '../electron/core/content/nodeSanitizer.js';
import { findAppRoot, prebuiltLibraryPath } from '../electron/core/paths.js';

const appRoot = findAppRoot(process.cwd());
const started = performance.now();
const library = prebuildLibrary(loadLibraryFromContent(appRoot, nodeSanitizer()));
const target = prebuiltLibraryPath(appRoot);
mkdirSync(dirname(target), { recursive: true });
const json = JSON.stringify(library);
writeFileSync(target, json);
console.log(
  `library: ${library.articles.length} articles, ${(json.length / 1024).toFixed(0)} KB, ${Math.round(performance.now() - started)} ms → ${target}`,
);
for (const problem of library.problems) console.warn(`library: skipped ${problem.path}: ${problem.message}`);
