import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryTerm } from '../../electron/common/index.js';
import type { NoticeContext } from '../../electron/core/notices/analyzeNotice.js';
import { APP_ROOT } from './tempDir.js';

/** The shipped glossary and article ids, read straight from content/ (no library build). */
export function shippedNoticeContext(): NoticeContext {
  const glossary = (
    JSON.parse(readFileSync(join(APP_ROOT, 'content', 'glossary.json'), 'utf8')) as { terms: GlossaryTerm[] }
  ).terms.map((term) => ({ ...term, ja: term.ja ?? [] }));
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) ids.add(entry.name.replace(/\.(en|zh)\.md$/, '-$1'));
    }
  };
  walk(join(APP_ROOT, 'content', 'articles'));
  return { glossary, articleExists: (id) => ids.has(id) };
}
