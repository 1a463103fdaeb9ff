import type { LibraryData } from '../electron/core/content/library.js';

const CJK_RUN = /[\p{Script=Han}]{20,}/gu;
const CJK_WINDOW = 20;
const LATIN_WINDOW = 60;

/** Every article-level rule of content/AUTHORING.md that the loader does not already enforce. */
export function checkLibrary(library: LibraryData): string[] {
  const errors = library.problems.map((problem) => `${problem.path}: ${problem.message}`);
  const byId = new Map(library.articles.map((article) => [article.id, article]));
  for (const article of library.articles) {
    const where = article.path;
    if (!article.id.endsWith(`-${article.lang}`))
      errors.push(`${where}: id "${article.id}" must end with "-${article.lang}"`);
    if (!article.path.includes(`/${article.category}/`))
      errors.push(`${where}: lies outside the folder of its category "${article.category}"`);
    const twin = article.translation ? byId.get(article.translation) : undefined;
    if (!twin) errors.push(`${where}: twin "${article.translation}" not found`);
    else {
      if (twin.lang === article.lang) errors.push(`${where}: twin ${twin.id} is in the same language`);
      if (twin.translation !== article.id) errors.push(`${where}: twin ${twin.id} does not point back`);
      if (twin.category !== article.category) errors.push(`${where}: twin ${twin.id} is in another category`);
      const names = (list: typeof article.checklists) => list.map((checklist) => checklist.name).join(',');
      if (names(twin.checklists) !== names(article.checklists))
        errors.push(`${where}: checklists differ from twin ${twin.id}`);
    }
    for (const id of [
      ...article.related,
      ...[...article.markdown.matchAll(/\]\(article:([a-z0-9-]+)\)/g)].map((match) => match[1]!),
    ]) {
      const target = byId.get(id);
      if (!target) errors.push(`${where}: links to missing article "${id}"`);
      else if (target.lang !== article.lang) errors.push(`${where}: links to "${id}" in the other language`);
    }
    if (article.id.startsWith('poa-template-') && (article.markdown.match(/^```letter$/gm) ?? []).length !== 1)
      errors.push(`${where}: needs exactly one letter block`);
  }
  for (const contact of library.contacts) {
    if (contact.reconstructed && !contact.original)
      errors.push(`content/contacts.json: ${contact.id} is reconstructed but keeps no "original"`);
  }
  return errors;
}

function latinWindows(text: string): Set<string> {
  const flat = text.toLowerCase().replace(/\s+/g, ' ');
  const windows = new Set<string>();
  for (let index = 0; index + LATIN_WINDOW <= flat.length; index++)
    windows.add(flat.slice(index, index + LATIN_WINDOW));
  return windows;
}

function cjkWindows(text: string): Set<string> {
  const windows = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = Array.from(run);
    for (let index = 0; index + CJK_WINDOW <= chars.length; index++)
      windows.add(chars.slice(index, index + CJK_WINDOW).join(''));
  }
  return windows;
}

/**
 * Finds runs of 20 Chinese characters or 60 English characters that an article shares with a seed
 * document. Windows holding an e-mail address are exempt: addresses must be quoted exactly.
 */
export function findCopiedRuns(files: { path: string; text: string }[], seeds: string[]): string[] {
  const seedText = seeds.join('\n');
  const seedLatin = latinWindows(seedText);
  const seedCjk = cjkWindows(seedText);
  const errors: string[] = [];
  for (const file of files) {
    for (const window of cjkWindows(file.text))
      if (seedCjk.has(window)) errors.push(`${file.path}: copies the seed text "${window}"`);
    for (const window of latinWindows(file.text)) {
      if (seedLatin.has(window) && !window.includes('@') && /[a-z]{3}.*\s.*[a-z]{3}/.test(window))
        errors.push(`${file.path}: copies the seed text "${window}"`);
    }
  }
  return errors;
}
