import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { makeFifo } from '../helpers/specialFiles.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

/** The text of an export of one case, as `seller-kb export --format json` writes it. */
async function exportedText(data: string): Promise<string> {
  expect((await cli('case', 'new', '--title', 'Exported', '--data', data)).code).toBe(0);
  const out = join(tempDir(), 'export.json');
  expect((await cli('export', '--format', 'json', '--out', out, '--data', data)).code).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('seller-kb names what was wrong with a path or a value', () => {
  it('--file, import and export --out on a folder fail with exit code 1 and say it is a folder', async () => {
    const data = tempDir();
    const folder = tempDir();
    expect((await cli('case', 'new', '--title', 'T', '--data', data)).code).toBe(0);
    const note = await cli('note', 'add', '1', '--file', folder, '--data', data);
    expect([note.code, note.err]).toEqual([1, expect.stringContaining(`--file: ${folder} is a folder, not a file`)]);
    const imported = await cli('import', folder, '--data', data);
    expect([imported.code, imported.err]).toEqual([
      1,
      expect.stringContaining(`Import: ${folder} is a folder, not a file`),
    ]);
    const exported = await cli('export', '--format', 'json', '--out', folder, '--data', data);
    expect([exported.code, exported.err]).toEqual([
      1,
      expect.stringContaining(`Export: --out: ${folder} is a folder; give the path of a file`),
    ]);
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    const markdown = await cli('export', '--format', 'md', '--out', file, '--data', data);
    expect([markdown.code, markdown.err]).toEqual([
      1,
      expect.stringContaining(`Export: --out: ${file} is a file, not a folder`),
    ]);
    for (const run of [note, imported, exported, markdown]) expect(run.err).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('--file, import and --passphrase-file refuse a FIFO without reading it', async () => {
    const data = tempDir();
    const fifo = makeFifo(tempDir());
    expect((await cli('case', 'new', '--title', 'T', '--data', data)).code).toBe(0);
    for (const argv of [
      ['note', 'add', '1', '--file', fifo],
      ['import', fifo],
      ['cases', 'list', '--passphrase-file', fifo],
    ]) {
      const run = await cli(...argv, '--data', data);
      expect(run.code, argv.join(' ')).not.toBe(0);
      expect(run.err, argv.join(' ')).toContain(`${fifo} is a named pipe (FIFO), not a file`);
    }
  });

  it('index remove of a folder that was never added says so', async () => {
    const data = tempDir();
    const folder = tempDir();
    const run = await cli('index', 'remove', folder, '--data', data);
    expect([run.code, run.err]).toEqual([
      1,
      expect.stringContaining(`Library: folder ${folder} is not one of your folders`),
    ]);
    expect(run.out).not.toContain('Removed');
    writeFileSync(join(folder, 'a.md'), '# A');
    expect((await cli('index', 'add', folder, '--data', data)).code).toBe(0);
    expect((await cli('index', 'remove', folder, '--data', data)).out).toContain(`Removed ${folder}`);
  });

  it('--limit takes decimal digits only', async () => {
    for (const limit of ['0x10', '1e1', ' 5', '', '5.0', '+5']) {
      const run = await cli('search', 'x', '--limit', limit);
      expect([run.code, run.err], JSON.stringify(limit)).toEqual([
        2,
        expect.stringContaining('--limit must be a whole number from 1 to 200 in decimal digits'),
      ]);
    }
    expect((await cli('search', '移除订单', '--limit', '16', '--json', '--data', tempDir())).code).toBe(0);
  });

  it('import reads a file saved with a UTF-8 byte order mark', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'bom.json');
    writeFileSync(file, `\uFEFF${await exportedText(data)}`);
    const run = await cli('import', file, '--data', data);
    expect([run.code, run.out]).toEqual([0, expect.stringContaining('Imported 1 cases')]);
  });

  it('an export whose version is a string is invalid, not newer', async () => {
    const data = tempDir();
    const text = (await exportedText(data)).replace('"version": 1', '"version": "1"');
    const file = join(tempDir(), 'string-version.json');
    writeFileSync(file, text);
    const run = await cli('import', file, '--data', data);
    expect([run.code, run.err]).toEqual([
      1,
      expect.stringContaining('Import: "version" must be a whole number such as 1, not "1"'),
    ]);
    expect(run.err).not.toContain('newer');
  });

  it('a folder where a file is written, or a file where a folder is needed, is named without a stack trace', async () => {
    const data = tempDir();
    const out = tempDir();
    expect((await cli('case', 'new', '--title', 'Clash', '--data', data)).code).toBe(0);
    mkdirSync(join(out, 'case-1-clash.md'));
    const run = await cli('export', '--format', 'md', '--out', out, '--data', data);
    expect([run.code, run.err]).toEqual([
      1,
      expect.stringContaining(`${join(out, 'case-1-clash.md')} is a folder; give the path of a file`),
    ]);
  });
});
