// `npm run smoke:packaged [RELEASE_DIR]`: starts the app `npm run dist` packaged (not the dev tree)
// once with --smoke-test and a fresh notebook folder, and passes when it loaded its window, answered
// a search and opened the notebook, then quit by itself with exit code 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PASSED = 'Seller KB smoke test passed';
const LIMIT_MS = 180_000;

/** The packaged executable in the release folder for this system, or null. */
function packagedApp(release, platform = process.platform) {
  if (!existsSync(release)) return null;
  const entries = readdirSync(release);
  if (platform === 'linux') {
    const image = entries.find((name) => name.endsWith('.AppImage'));
    return image ? join(release, image) : null;
  }
  if (platform === 'win32') {
    const exe = join(release, 'win-unpacked', 'Seller KB.exe');
    return existsSync(exe) ? exe : null;
  }
  for (const folder of entries.filter((name) => name === 'mac' || name.startsWith('mac-'))) {
    const binary = join(release, folder, 'Seller KB.app', 'Contents', 'MacOS', 'Seller KB');
    if (existsSync(binary)) return binary;
  }
  return null;
}

async function main() {
  const release = resolve(process.argv[2] ?? 'release');
  const executable = packagedApp(release);
  if (!executable) {
    console.error(`smoke test failed: no packaged app for ${process.platform} in ${release} (run npm run dist first)`);
    return 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'seller-kb-smoke-'));
  // An AppImage needs FUSE to mount itself; extracting to a temporary folder works without it.
  const env = { ...process.env, APPIMAGE_EXTRACT_AND_RUN: '1' };
  const child = spawn(executable, ['--smoke-test', `--data=${dataDir}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill(), LIMIT_MS);
  const [code, signal] = await new Promise((done) => {
    child.on('error', (error) => done([null, error.message]));
    child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
  });
  clearTimeout(timer);
  // The app writes its line to stdout and, for a Windows GUI process without one, to smoke-test.txt.
  const written = join(dataDir, 'smoke-test.txt');
  if (existsSync(written)) output += `\n${readFileSync(written, 'utf8')}`;
  rmSync(dataDir, { recursive: true, force: true });
  const line = output.split('\n').find((text) => text.includes(PASSED));
  if (code === 0 && line) {
    console.log(`${line.trim()} (${executable})`);
    return 0;
  }
  console.error(
    `smoke test failed: ${executable} ended with ${code ?? signal}${line ? '' : ', without its "passed" line'}`,
  );
  console.error(output.trim().split('\n').slice(-20).join('\n'));
  return 1;
}

process.exitCode = await main();
