import { generateCorpus } from './bench/corpus.js';
import { ArticleSearch } from '../electron/core/search/articleSearch.js';
import { mergeSegments } from '../electron/core/search/segment.js';
import { readArticleFile } from '../electron/core/content/articleFiles.js';
import { nodeSanitizer } from '../electron/core/content/nodeSanitizer.js';
import { toSearchDocument } from '../electron/core/content/library.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const t = () => performance.now();
for (const n of [2000, 10000]) {
  const docs = generateCorpus(n, 3);
  const dir = mkdtempSync(join(tmpdir(), 'qm-'));
  for (const d of docs) writeFileSync(join(dir, `${d.id}.md`), `# ${d.title}\n\n${d.summary}\n\n${d.body}\n`);
  let s = t(); const san = nodeSanitizer(); san('<p>x</p>'); console.log('jsdom', (t()-s).toFixed(0));
  s = t();
  const arts = docs.slice(0, 500).map((d) => readArticleFile(join(dir, `${d.id}.md`), san, { displayPath: d.id, userFolder: dir }));
  console.log(n, 'read 500 files ms', (t()-s).toFixed(0));
  s = t(); const sdocs = arts.map(toSearchDocument); console.log('toSearchDoc 500', (t()-s).toFixed(0));
  const all = docs.map((d) => ({ id: d.id, title: d.title, tags: d.tags, summary: d.summary, body: d.body, pinyin: '' }));
  s = t(); const idx = ArticleSearch.build(all); console.log('build', n, (t()-s).toFixed(0));
  s = t(); const bytes = idx.serialize(); console.log('serialize', (t()-s).toFixed(0), bytes.length);
  s = t(); ArticleSearch.load(bytes); console.log('load', (t()-s).toFixed(0));
  const parts = [0,1,2,3,4].map((i) => ArticleSearch.build(all.slice(i*n/5, (i+1)*n/5)));
  s = t(); const l2 = ArticleSearch.load(parts[0]!.serialize()); for (const p of parts.slice(1)) l2.addSerialized(p.serialize()); console.log('load 5 parts', (t()-s).toFixed(0));
  s = t(); l2.serialize(); console.log('merge 5 parts serialize', (t()-s).toFixed(0));
  s = t(); JSON.stringify(arts); console.log('stringify 500 arts', (t()-s).toFixed(0), JSON.stringify(arts).length);
}
