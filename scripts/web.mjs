// `npm run web`: Seller KB in the browser, built again first when a source changed since the last build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './buildFreshness.mjs';

await buildIfStale(join(dirname(fileURLToPath(import.meta.url)), '..'), console.log);
process.argv.splice(2, 0, 'web');
await import('./bin/seller-kb.mjs');
