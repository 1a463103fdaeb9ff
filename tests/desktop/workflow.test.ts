import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ROOT } from '../helpers/tempDir.js';

// .github/workflows/desktop.yml cannot run here: these are the keys and steps it relies on.

interface Step {
  name?: string;
  'continue-on-error'?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      'runs-on': string;
      'timeout-minutes': number;
      strategy: { 'fail-fast': boolean; matrix: { include: Record<string, string>[] } };
      env: Record<string, string>;
      defaults: { run: { shell: string } };
      steps: Step[];
    }
  >;
}

const text = readFileSync(join(APP_ROOT, '.github/workflows/desktop.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const job = workflow.jobs.desktop!;
const scripts = (
  JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const builder = parse(readFileSync(join(APP_ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  { target: string[] }
>;

describe('the desktop workflow', () => {
  it('runs on pushes and pull requests with read-only permissions, a time limit and bash everywhere', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job['timeout-minutes']).toBeGreaterThan(0);
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job.defaults.run.shell).toBe('bash');
  });

  it('covers Ubuntu under xvfb-run, Windows and macOS, each with its Chrome and its installers', () => {
    const entries = new Map(job.strategy.matrix.include.map((entry) => [entry.os, entry]));
    expect([...entries.keys()].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(entries.get('ubuntu-latest')!.display).toMatch(/^xvfb-run\b/);
    expect(entries.get('windows-latest')!.display).toBe('');
    expect(entries.get('macos-latest')!.display).toBe('');
    for (const entry of entries.values()) expect(entry.chrome, entry.os).toMatch(/chrome(\.exe)?$/i);
    // Each installer electron-builder.yml asks for is uploaded.
    expect(builder.linux!.target).toEqual(['AppImage', 'deb']);
    expect(entries.get('ubuntu-latest')!.installers!.trim().split('\n')).toEqual([
      'release/*.AppImage',
      'release/*.deb',
    ]);
    expect(builder.win!.target).toEqual(['nsis']);
    expect(entries.get('windows-latest')!.installers!.trim()).toBe('release/*.exe');
    expect(builder.mac!.target).toEqual(['dmg']);
    expect(entries.get('macos-latest')!.installers!.trim()).toBe('release/*.dmg');
    // Every ${{ matrix.X }} the workflow uses is defined for every entry.
    for (const [, key] of text.matchAll(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g)) {
      for (const entry of entries.values()) expect(entry, `matrix.${key} for ${entry.os}`).toHaveProperty(key!);
    }
  });

  it("builds unsigned, uses the runner's Chrome, and refuses to skip the real-Electron suite", () => {
    expect(job.env).toMatchObject({
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      CHROMIUM_PATH: '${{ matrix.chrome }}',
      SELLER_KB_REQUIRE_ELECTRON: '1',
    });
    expect(readFileSync(join(APP_ROOT, 'tests/e2e/harness.ts'), 'utf8')).toContain('process.env.CHROMIUM_PATH');
    expect(readFileSync(join(APP_ROOT, 'scripts/testDesktop.mjs'), 'utf8')).toContain(
      "process.env.SELLER_KB_REQUIRE_ELECTRON === '1'",
    );
  });

  it('pins every action to a commit, with npm caching on Node 24', () => {
    const uses = job.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.map((name) => name.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/upload-artifact',
    ]);
    for (const name of uses) expect(name).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    for (const line of text.split('\n').filter((row) => row.includes('uses:')))
      expect(line).toMatch(/# v\d+\.\d+\.\d+$/);
    expect(job.steps[1]!.with).toEqual({ 'node-version': 24, cache: 'npm' });
  });

  it('runs npm ci, npm test, fetches Electron, test:desktop, dist, the packaged app once, then uploads', () => {
    const runs = job.steps.flatMap((step) => (step.run ? [step.run.replace('${{ matrix.display }} ', '')] : []));
    expect(runs).toEqual([
      'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
      'npm ci --no-audit --no-fund',
      'npm test',
      'node node_modules/electron/install.js',
      'npm run test:desktop',
      'npm run dist',
      'npm run smoke:packaged',
    ]);
    expect(job.steps.find((step) => step.run?.startsWith('sudo sysctl'))!.if).toBe("runner.os == 'Linux'");
    for (const command of runs) {
      const script = /^npm run ([\w:-]+)/.exec(command)?.[1];
      if (script) expect(scripts, command).toHaveProperty(script);
    }
    expect(scripts.test).toBeDefined();
    for (const display of ['npm test', 'npm run test:desktop', 'npm run smoke:packaged']) {
      expect(
        job.steps.some((step) => step.run === `\${{ matrix.display }} ${display}`),
        display,
      ).toBe(true);
    }
    // Only npm test may fail off Linux without failing the job (README: what CI runs where).
    expect(
      job.steps
        .filter((step) => step['continue-on-error'] !== undefined)
        .map((step) => [step.name, step['continue-on-error']]),
    ).toEqual([['npm test', "${{ runner.os != 'Linux' }}"]]);
    const upload = job.steps.at(-1)!;
    expect(upload.with).toMatchObject({ path: '${{ matrix.installers }}', 'if-no-files-found': 'error' });
  });
});
