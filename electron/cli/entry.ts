import { runCli } from './main.js';

// The process entry of the seller-kb command (bundled to dist/cli.mjs).
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('seller-kb: unexpected error:', error);
    process.exitCode = 1;
  },
);
