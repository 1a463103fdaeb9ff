import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';
import { makeZip } from '../helpers/zip.js';

// `npm start` on a machine without Electron's binary: it is fetched through Electron's own
// installer from a mirror on 127.0.0.1 (a stand-in "Electron" that records how it was started).
// The project is a copy (its electron package too), so the real node_modules/electron is never written.

const tempDir = useTempDirs();
const realElectron = join(APP_ROOT, 'node_modules/electron');
const { version } = JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string };
const target = `${process.platform}-${process.arch}`;
const zipName = `electron-v${version}-${target}.zip`;
const executable = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A project folder whose node_modules links to the real one, except a copy of the electron package. */
function projectCopy(): string {
  const project = join(tempDir(), 'project');
  mkdirSync(join(project, 'scripts'), { recursive: true });
  cpSync(join(APP_ROOT, 'package.json'), join(project, 'package.json'));
  for (const file of ['start.mjs', 'electronBinary.mjs', 'buildFreshness.mjs'])
    cpSync(join(APP_ROOT, 'scripts', file), join(project, 'scripts', file));
  mkdirSync(join(project, 'dist/electron'), { recursive: true });
  writeFileSync(join(project, 'dist/electron/main.cjs'), '');
  mkdirSync(join(project, 'node_modules'));
  for (const name of readdirSync(join(APP_ROOT, 'node_modules'))) {
    const real = join(APP_ROOT, 'node_modules', name);
    if (name === 'electron')
      cpSync(real, join(project, 'node_modules', name), {
        recursive: true,
        filter: (source) => !/[\\/](dist|path\.txt)$/.test(source),
      });
    else symlinkSync(real, join(project, 'node_modules', name), 'junction');
  }
  return realpathSync(project);
}

/** Every file of the real electron package with its size and time, to prove it was left alone. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = lstatSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

async function mirror(
  handler: (url: string) => { status: number; body: Buffer },
): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const { status, body } = handler(request.url ?? '');
    response.writeHead(status, { 'content-length': body.length }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

function npmStart(
  project: string,
  mirrorUrl: string,
  cache: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(npm_|electron_|ELECTRON_)/i.test(name)) env[name] = value;
  Object.assign(env, { ELECTRON_MIRROR: mirrorUrl, electron_use_remote_checksums: '1', electron_config_cache: cache });
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd: project, env, shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What start.mjs printed itself: npm's banner ("> seller-kb@… start") and its "npm error" trailer left out. */
function ownLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('> ') && !/^npm (error|ERR!|warn)/.test(line));
}

describe.skipIf(process.platform === 'win32')('npm start without an Electron binary', () => {
  it("downloads the binary through Electron's installer from the mirror, then launches it with the app", async () => {
    const before = fingerprint(realElectron);
    const standIn = `#!/bin/sh\nprintf '%s\\n' "$@" > "$(dirname "$0")/launched.txt"\n`;
    const zip = makeZip([
      { name: executable, data: Buffer.from(standIn), mode: 0o755 },
      { name: 'version', data: Buffer.from(version), mode: 0o644 },
    ]);
    const sums = Buffer.from(`${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`);
    const server = await mirror((url) => {
      if (url === `/v${version}/${zipName}`) return { status: 200, body: zip };
      if (url === `/v${version}/SHASUMS256.txt`) return { status: 200, body: sums };
      return { status: 404, body: Buffer.from('not found') };
    });
    const project = projectCopy();
    const cache = tempDir();

    const first = await npmStart(project, server.url, cache);
    expect(ownLines(first.stderr)).toEqual([]);
    expect(first.code).toBe(0);
    expect(ownLines(first.stdout)).toEqual([`Downloading Electron ${version} for ${target} (once, about 100 MB)…`]);
    // The zip is fetched once; its checksum is checked on download and again when install.js unpacks it.
    expect(server.requests).toEqual([
      `/v${version}/${zipName}`,
      `/v${version}/SHASUMS256.txt`,
      `/v${version}/SHASUMS256.txt`,
    ]);
    const launched = join(project, 'node_modules/electron/dist', executable.replace(/[^/]+$/, 'launched.txt'));
    expect(readFileSync(launched, 'utf8').split('\n')[0]).toBe(project);
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe(executable);
    expect(statSync(join(project, 'node_modules/electron/dist', executable)).mode & 0o111).not.toBe(0);

    // Once installed, later starts launch at once.
    const second = await npmStart(project, server.url, cache);
    expect(second.code).toBe(0);
    expect(ownLines(second.stdout)).toEqual([]);
    expect(server.requests).toHaveLength(3);

    expect(fingerprint(realElectron)).toEqual(before);
    expect(existsSync(join(realElectron, 'path.txt'))).toBe(existsSync(join(realElectron, 'dist')));
  });

  it('where the download fails, says what, why and "npm run web" in three lines and exits non-zero', async () => {
    const before = fingerprint(realElectron);
    const server = await mirror(() => ({ status: 404, body: Buffer.from('not found') }));
    const project = projectCopy();

    const result = await npmStart(project, server.url, tempDir());
    expect(result.code).not.toBe(0);
    expect(ownLines(result.stdout)).toEqual([`Downloading Electron ${version} for ${target} (once, about 100 MB)…`]);
    const lines = ownLines(result.stderr);
    expect(lines).toEqual([
      `Seller KB: downloading Electron ${version} for ${target} failed.`,
      `  cause: Response code 404 (Not Found) for ${server.url}v${version}/${zipName}`,
      'Run "npm run web" to use Seller KB in your browser now; npm start tries again next time.',
    ]);
    expect(existsSync(join(project, 'node_modules/electron/dist'))).toBe(false);
    expect(fingerprint(realElectron)).toEqual(before);
  });

  it('offline (nothing answers), names the network error as the cause, without a stack trace', async () => {
    const closed = await mirror(() => ({ status: 404, body: Buffer.alloc(0) }));
    servers.pop()!.close();
    const project = projectCopy();
    const result = await npmStart(project, closed.url, tempDir());
    expect(result.code).not.toBe(0);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}cause: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
