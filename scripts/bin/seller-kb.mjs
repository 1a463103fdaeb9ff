#!/usr/bin/env node
// The seller-kb command. Checks the Node version before anything loads better-sqlite3, which
// needs Node 22.12 or newer, then runs the bundled CLI.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `seller-kb needs Node.js 22.12 or newer; this is ${process.versions.node}.\n` +
      'Run it through npm so the project\'s own Node is used: "npx seller-kb …" or "npm run web".',
  );
  process.exit(1);
}
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  console.error('seller-kb is not built yet: run "npm run build" (npm install does it too).');
  process.exit(1);
}
await import(cli);
