import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWithEnvironment } from '../helpers/cli.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'cli passphrase 一二三';
const NEXT = 'next cli passphrase';
const withPassphrase = { SELLER_KB_PASSPHRASE: PASSPHRASE };

describe('seller-kb encrypt, passphrase and decrypt', () => {
  it('encrypts, then needs the passphrase from the environment or a file for the notebook', async () => {
    const data = tempDir();
    await cli('case', 'new', '--title', `Case ${CANARY}`, '--data', data);
    const missing = await cli('encrypt', '--data', data);
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringContaining('give the passphrase in SELLER_KB_PASSPHRASE or with --passphrase-file FILE'),
    ]);
    const short = await cliWithEnvironment({ SELLER_KB_PASSPHRASE: 'short' }, 'encrypt', '--data', data);
    expect([short.code, short.err]).toEqual([1, expect.stringContaining('at least 8 characters')]);
    const encrypted = await cliWithEnvironment(withPassphrase, 'encrypt', '--data', data);
    expect(encrypted.code).toBe(0);
    expect(encrypted.out).toContain('Keep the passphrase safe');
    expect(filesContaining(data, CANARY)).toEqual([]);

    const locked = await cli('cases', 'list', '--data', data);
    expect([locked.code, locked.err]).toEqual([
      1,
      expect.stringMatching(/notebook\.db is encrypted and locked.*SELLER_KB_PASSPHRASE/),
    ]);
    const wrong = await cliWithEnvironment(
      { SELLER_KB_PASSPHRASE: 'not the passphrase' },
      'cases',
      'list',
      '--data',
      data,
    );
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringContaining('wrong passphrase')]);
    const file = join(tempDir(), 'passphrase.txt');
    writeFileSync(file, `${PASSPHRASE}\n`);
    const listed = await cli('cases', 'list', '--json', '--passphrase-file', file, '--data', data);
    expect((JSON.parse(listed.out) as { title: string }[]).map((record) => record.title)).toEqual([`Case ${CANARY}`]);
    const checked = await cliWithEnvironment(withPassphrase, 'check', '--data', data);
    expect([checked.code, checked.out]).toEqual([0, expect.stringContaining('healthy (schema')]);
    expect(checked.out).toContain('encrypted');
  });

  it('changes the passphrase, backs up, restores and checks an encrypted backup, and decrypts', async () => {
    const data = tempDir();
    await cli('case', 'new', '--title', 'First', '--data', data);
    await cliWithEnvironment(withPassphrase, 'encrypt', '--data', data);
    const noNext = await cliWithEnvironment(withPassphrase, 'passphrase', '--data', data);
    expect([noNext.code, noNext.err]).toEqual([
      2,
      expect.stringContaining('give the new passphrase in SELLER_KB_NEW_PASSPHRASE'),
    ]);
    const changed = await cliWithEnvironment(
      { ...withPassphrase, SELLER_KB_NEW_PASSPHRASE: NEXT },
      'passphrase',
      '--data',
      data,
    );
    expect(changed.code).toBe(0);
    expect((await cliWithEnvironment(withPassphrase, 'cases', 'list', '--data', data)).code).toBe(1);
    const next = { SELLER_KB_PASSPHRASE: NEXT };

    const backup = join(tempDir(), 'backup.db');
    expect((await cliWithEnvironment(next, 'backup', '--out', backup, '--data', data)).code).toBe(0);
    expect((await cli('check', backup, '--data', data)).code).toBe(1);
    const checked = await cliWithEnvironment(next, 'check', backup, '--data', data);
    expect([checked.code, checked.out]).toEqual([0, expect.stringContaining('backup.db is healthy')]);
    await cliWithEnvironment(next, 'case', 'new', '--title', 'Second', '--data', data);
    expect((await cliWithEnvironment(next, 'restore', backup, '--data', data)).code).toBe(0);
    expect(JSON.parse((await cliWithEnvironment(next, 'cases', 'list', '--json', '--data', data)).out)).toHaveLength(1);

    expect((await cliWithEnvironment(next, 'decrypt', '--data', data)).out).toContain('plain SQLite file again');
    expect(JSON.parse((await cli('cases', 'list', '--json', '--data', data)).out)).toHaveLength(1);
  });

  it('refuses an empty or missing passphrase file', async () => {
    const empty = join(tempDir(), 'empty.txt');
    writeFileSync(empty, '\n');
    const refused = await cli('cases', 'list', '--passphrase-file', empty, '--data', tempDir());
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining('is empty')]);
    expect(
      (await cli('cases', 'list', '--passphrase-file', join(tempDir(), 'none.txt'), '--data', tempDir())).code,
    ).toBe(1);
  });

  it('reads SELLER_KB_PASSPHRASE as an installed command', async () => {
    const data = tempDir();
    await cli('case', 'new', '--title', 'Installed', '--data', data);
    await cliWithEnvironment(withPassphrase, 'encrypt', '--data', data);
    const output = execFileSync('node_modules/.bin/seller-kb', ['cases', 'list', '--json', '--data', data], {
      encoding: 'utf8',
      env: { ...process.env, ...withPassphrase },
    });
    expect((JSON.parse(output) as { title: string }[])[0]?.title).toBe('Installed');
  });
});
