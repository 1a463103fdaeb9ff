import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

interface WebRun {
  child: ChildProcess;
  /** What the command printed so far, on stdout and stderr. */
  out: () => string;
  err: () => string;
}

/**
 * `seller-kb web` as a real child process, with a fake `xdg-open` first on PATH that writes the
 * command line it was given (what any local user would see in `ps`) to `argvFile`.
 */
async function startWeb(argvFile: string, ...extra: string[]): Promise<WebRun> {
  const bin = tempDir();
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${argvFile}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/entry.ts', 'web', '--data', tempDir(), ...extra],
    {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  await expect.poll(() => out, { timeout: 60_000 }).toContain('one-time link');
  return { child, out: () => out, err: () => err };
}

function nonceOf(text: string): string {
  const nonce = /#nonce=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(nonce, `a one-time link in ${text}`).toBeTruthy();
  return nonce!;
}

async function exchange(origin: string, nonce: string): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${origin}/session`, { method: 'POST', body: JSON.stringify({ nonce }) });
  const body = (await response.json()) as { value?: { token: string } };
  return { status: response.status, token: body.value?.token };
}

describe('seller-kb web hands the token over without a command line', () => {
  it(
    'opens the browser on a one-time link: the opener’s argv holds no token, and its nonce works once',
    { timeout: 90_000 },
    async () => {
      const argvFile = join(tempDir(), 'argv.txt');
      const web = await startWeb(argvFile);
      await expect.poll(() => existsSync(argvFile), { timeout: 30_000 }).toBe(true);
      const argv = readFileSync(argvFile, 'utf8');
      const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(web.out())![0];
      const opened = await exchange(origin, nonceOf(argv));
      expect(opened.status).toBe(200);
      const token = opened.token!;
      expect(argv).not.toContain(token);
      expect(web.out()).not.toContain(token);
      expect(readFileSync(`/proc/${web.child.pid}/cmdline`, 'utf8')).not.toContain(token);
      const api = (withToken: string) =>
        fetch(`${origin}/api/listCases`, { method: 'POST', headers: { 'x-kb-token': withToken } });
      expect((await api(token)).status).toBe(200);

      // Someone who read the opener's command line in ps presents the nonce again: it is refused,
      // the token it gave stops working, and the user is given a fresh link.
      expect((await exchange(origin, nonceOf(argv))).status).toBe(401);
      expect((await api(token)).status).toBe(401);
      await expect.poll(() => web.err(), { timeout: 30_000 }).toContain('used twice');
      const fresh = await exchange(origin, nonceOf(web.err()));
      expect(fresh.status).toBe(200);
      expect((await api(fresh.token!)).status).toBe(200);
    },
  );

  it('with --no-open prints a one-time link that works once, and runs no opener', { timeout: 90_000 }, async () => {
    const argvFile = join(tempDir(), 'argv.txt');
    const web = await startWeb(argvFile, '--no-open');
    const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(web.out())![0];
    const printed = nonceOf(web.out());
    const first = await exchange(origin, printed);
    expect(first.status).toBe(200);
    expect(web.out()).not.toContain(first.token!);
    expect(
      (await fetch(`${origin}/api/getLibraryInfo`, { method: 'POST', headers: { 'x-kb-token': first.token! } })).status,
    ).toBe(200);
    expect((await exchange(origin, 'not-a-nonce')).status).toBe(401);
    expect(existsSync(argvFile)).toBe(false);
  });
});
