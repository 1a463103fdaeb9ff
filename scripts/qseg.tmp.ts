import { generateCorpus } from './bench/corpus.js';
import { buildSegmentParts, loadSegment } from '../electron/core/search/articleSearch.js';
import { writeSegment, readSegment } from '../electron/core/search/segmentFile.js';
import { pinyinTerms } from '../electron/core/search/pinyin.js';
const docs = generateCorpus(1000, 3).map((d) => ({ id: d.id, title: d.title, tags: d.tags, summary: d.summary, body: d.body, pinyin: pinyinTerms(`${d.title} ${d.tags}`).join(' ') }));
const bytes = writeSegment(buildSegmentParts(docs));
for (let i = 0; i < 5; i++) {
  let t = performance.now(); const parts = readSegment(bytes); const a = performance.now() - t;
  t = performance.now(); loadSegment(bytes); console.log('read', a.toFixed(1), 'load', (performance.now() - t).toFixed(1), 'latin', parts.latinTerms.length, 'cjk', parts.cjkKeys.length, 'postings', parts.docs.length);
}
