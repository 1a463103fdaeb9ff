import { generateCorpus } from './corpus.js';
import { sellerKb } from './engines.js';
import { generateQueries, searchableText } from './queries.js';
import { runQueries } from './measure.js';
const size = Number(process.argv[2] ?? 1000);
const docs = generateCorpus(size);
const queries = generateQueries(docs);
const engine = sellerKb();
const s = engine.load(engine.build(docs).serialize());
const { latencies, results } = runQueries(s, queries, 20);
const byId = new Map(docs.map((d) => [d.id, searchableText(d)]));
const stats: Record<string, number[]> = {};
queries.forEach((q, i) => {
  (stats[q.kind] ??= []).push(latencies[i]!);
  if (q.kind === 'zh') {
    const r = results[i]!;
    const found = r.filter((id) => q.truth.has(id)).length;
    const key = `zh${q.text.length}`;
    (stats[key + 'prec'] ??= []).push(r.length ? found / r.length : 1);
    if (found < q.truth.size) console.log('MISS', q.text, q.truth.size, found, r.length);
    if (r.length && found / r.length < 0.5) {
      const fp = r.find((id) => !q.truth.has(id))!;
      const t = byId.get(fp)!;
      const chars = Array.from(q.text);
      const where = chars.slice(0, -1).map((c, k) => { const g = c + chars[k + 1]; const at = t.indexOf(g); return `${g}@${at}:${t.slice(Math.max(0, at - 3), at + 5).replace(/\n/g, '/')}`; });
      console.log('LOWPREC', q.text, q.truth.size, found, r.length, where.join(' | '));
    }
  }
  if (q.kind === 'typo' && !results[i]!.slice(0, 50).some((id) => q.truth.has(id))) console.log('TYPO MISS', q.original, '→', q.text, results[i]!.length);
});
for (const [k, v] of Object.entries(stats)) {
  const sorted = [...v].sort((a, b) => a - b);
  console.log(k, v.length, 'mean', (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3), 'max', sorted[sorted.length - 1]!.toFixed(2), 'p50', sorted[Math.floor(v.length / 2)]!.toFixed(3));
}
const slow = queries.map((q, i) => ({ q, t: latencies[i]!, n: results[i]!.length })).sort((a, b) => b.t - a.t).slice(0, 8);
for (const x of slow) console.log('SLOW', x.q.kind, x.q.text, x.t.toFixed(2), x.n);
