import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('seller-kb', () => {
  it('prints search results as one JSON array with the documented fields', async () => {
    const { code, out } = await cli('search', '移除订单', '--json', '--limit', '3', '--data', tempDir());
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!).sort()).toEqual(['category', 'id', 'lang', 'path', 'score', 'snippet', 'title']);
    expect(rows[0]).toMatchObject({
      id: 'fba-removal-order-zh',
      path: 'content/articles/fba-removal/fba-removal-order.zh.md',
    });
    expect(existsSync(join(APP_ROOT, rows[0]!.path as string))).toBe(true);
  });

  it('filters by language and shows an article', async () => {
    const search = await cli('search', '移除订单', '--json', '--lang', 'en', '--data', tempDir());
    expect((JSON.parse(search.out) as { lang: string }[]).every((row) => row.lang === 'en')).toBe(true);
    const show = await cli('show', 'fba-removal-order-en', '--data', tempDir());
    expect(show.out).toContain('# Create an FBA removal order');
  });

  it('refuses unknown flags, bad values and unknown commands with exit code 2', async () => {
    expect((await cli('search', 'x', '--bogus')).code).toBe(2);
    const badLimit = await cli('search', 'x', '--limit', 'ten');
    expect([badLimit.code, badLimit.err]).toEqual([2, expect.stringContaining('--limit must be a whole number')]);
    expect((await cli('search', 'x', '--lang', 'fr')).err).toContain('--lang must be one of zh, en');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('note', 'add', '1')).err).toContain('give exactly one of --text and --file');
  });

  it('has --help on every command', async () => {
    for (const command of [
      ['search'],
      ['show'],
      ['web'],
      ['case', 'new'],
      ['cases', 'list'],
      ['note', 'add'],
      ['notes', 'search'],
      ['export'],
      ['import'],
      ['backup'],
      ['restore'],
      ['check'],
      ['index', 'add'],
      ['encrypt'],
      ['passphrase'],
      ['decrypt'],
    ]) {
      const { code, out } = await cli(...command, '--help');
      expect(code, command.join(' ')).toBe(0);
      expect(out).toContain(`seller-kb ${command.join(' ')}`);
    }
  });

  it('keeps a notebook: case, note, search, export, backup, restore, import, check', async () => {
    const data = tempDir();
    const created = JSON.parse(
      (
        await cli(
          'case',
          'new',
          '--title',
          '关联封号',
          '--marketplace',
          'DE',
          '--cause',
          'related-accounts',
          '--json',
          '--data',
          data,
        )
      ).out,
    ) as { id: number };
    expect(created.id).toBeGreaterThan(0);
    const noteFile = join(tempDir(), 'note.md');
    writeFileSync(noteFile, '收到亚马逊通知，账号关联。');
    const note = JSON.parse(
      (await cli('note', 'add', String(created.id), '--file', noteFile, '--json', '--data', data)).out,
    ) as { id: number };
    expect(note.id).toBeGreaterThan(0);
    expect(JSON.parse((await cli('notes', 'search', '关联', '--json', '--data', data)).out)).toHaveLength(1);
    expect(JSON.parse((await cli('cases', 'list', '--json', '--data', data)).out)).toHaveLength(1);
    const exportFile = join(tempDir(), 'notebook.json');
    expect((await cli('export', '--format', 'json', '--out', exportFile, '--data', data)).code).toBe(0);
    const markdownDir = tempDir();
    await cli('export', '--format', 'md', '--out', markdownDir, '--data', data);
    expect(readdirSync(markdownDir)[0]).toMatch(/^case-1-.*\.md$/);
    const backupFile = join(tempDir(), 'backup.db');
    expect((await cli('backup', '--out', backupFile, '--data', data)).code).toBe(0);
    await cli('case', 'new', '--title', 'later', '--data', data);
    expect((await cli('restore', backupFile, '--data', data)).code).toBe(0);
    expect(JSON.parse((await cli('cases', 'list', '--json', '--data', data)).out)).toHaveLength(1);
    const other = tempDir();
    expect((await cli('import', exportFile, '--data', other)).out).toContain('Imported 1 cases and 1 notes');
    expect((await cli('check', '--data', other)).code).toBe(0);
  });

  it('exits 1 with a clear message when the notebook is damaged', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'notebook.db'), 'this is not a database at all, just text '.repeat(200));
    const { code, out } = await cli('check', '--data', data);
    expect(code).toBe(1);
    expect(out).toMatch(/notebook\.db is (damaged|not a readable notebook)/);
    expect(readFileSync(join(data, 'notebook.db'), 'utf8')).toContain('this is not a database');
  });

  it('runs as an installed command: npx seller-kb search … --json', () => {
    const output = execFileSync(
      'node_modules/.bin/seller-kb',
      ['search', 'ODR', '--json', '--limit', '1', '--data', tempDir()],
      { encoding: 'utf8' },
    );
    expect((JSON.parse(output) as { id: string }[])[0]?.id).toMatch(/order-defect-rate/);
  });

  // Runs where the machine's own Node is older than 22.12 (as on our build machines); skipped, not passed, elsewhere.
  const systemNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  it.runIf(/^v(1\d|20|21)\./.test(systemNode))('explains what to do when started on an old Node', () => {
    const result = spawnSync('/usr/bin/node', ['scripts/bin/seller-kb.mjs', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('needs Node.js 22.12 or newer');
    expect(result.stderr).toContain('npx seller-kb');
  });
});
