import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STAMP, whyRebuild } from '../../scripts/buildFreshness.mjs';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const inPast = (path: string, seconds: number) => {
  const time = new Date(Date.now() - seconds * 1000);
  utimesSync(path, time, time);
};

describe('whether npm start and npm run web must build first', () => {
  it('builds when nothing is built, when the last build did not finish, or when a source changed since', () => {
    const app = tempDir();
    mkdirSync(join(app, 'electron/core'), { recursive: true });
    writeFileSync(join(app, 'electron/core/a.ts'), 'export {};');
    expect(whyRebuild(app)).toBe('it has not been built yet');
    mkdirSync(join(app, 'dist/electron'), { recursive: true });
    writeFileSync(join(app, 'dist/electron/main.cjs'), '');
    expect(whyRebuild(app)).toBe('its last build did not finish');

    for (const path of [join(app, 'electron/core/a.ts'), join(app, 'electron/core'), join(app, 'electron')])
      inPast(path, 60);
    writeFileSync(join(app, BUILD_STAMP), 'built');
    expect(whyRebuild(app)).toBeNull();

    writeFileSync(join(app, 'electron/core/a.ts'), 'export const changed = 1;');
    expect(whyRebuild(app)).toBe('electron changed since the last build');
  });

  it('counts a removed source as a change, and an app without its sources as current', () => {
    const app = tempDir();
    mkdirSync(join(app, 'electron'), { recursive: true });
    mkdirSync(join(app, 'dist/electron'), { recursive: true });
    writeFileSync(join(app, 'electron/gone.ts'), '');
    writeFileSync(join(app, 'dist/electron/main.cjs'), '');
    inPast(join(app, 'electron/gone.ts'), 60);
    inPast(join(app, 'electron'), 60);
    writeFileSync(join(app, BUILD_STAMP), 'built');
    inPast(join(app, BUILD_STAMP), 30);
    expect(whyRebuild(app)).toBeNull();
    rmSync(join(app, 'electron/gone.ts'));
    expect(whyRebuild(app)).toBe('electron changed since the last build');
    rmSync(join(app, 'electron'), { recursive: true });
    expect(whyRebuild(app)).toBeNull();
  });
});
