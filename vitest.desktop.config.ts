import { defineConfig } from 'vitest/config';

// `npm run test:desktop`: the real-Electron suite (tests/desktop/*.desktop.ts), one app at a time.
// Its files are not *.test.ts, so `npm test`'s vitest run never picks them up by accident.
export default defineConfig({
  test: {
    include: ['tests/desktop/**/*.desktop.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default'],
  },
});
