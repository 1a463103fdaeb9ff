// `npm start`: the desktop app. The first time, Electron's binary is fetched through Electron's own
// installer; where that fails (offline, a proxy, a blocked host), three lines say what, why and what now.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './buildFreshness.mjs';
import { electronBinaryPath, electronPackageDir, electronTarget, installElectron } from './electronBinary.mjs';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(what, cause) {
  console.error(`Seller KB: ${what}`);
  console.error(`  cause: ${cause}`);
  console.error('Run "npm run web" to use Seller KB in your browser now; npm start tries again next time.');
  process.exit(1);
}

async function binary() {
  const packageDir = electronPackageDir();
  if (!packageDir)
    fail('the electron package is not installed.', 'node_modules/electron is missing; run "npm install"');
  const installed = electronBinaryPath(packageDir);
  if (installed) return installed;
  const { version, platform, arch } = electronTarget(packageDir);
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    fail(
      `no Electron binary in ELECTRON_OVERRIDE_DIST_PATH.`,
      `${process.env.ELECTRON_OVERRIDE_DIST_PATH} has no Electron executable`,
    );
  }
  const line = `Downloading Electron ${version} for ${platform}-${arch} (once, about 100 MB)…`;
  // On a terminal the line counts up in place; elsewhere (logs, CI) it is printed once.
  const live = process.stdout.isTTY;
  let shown = -1;
  process.stdout.write(live ? line : `${line}\n`);
  const cause = await installElectron(packageDir, (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (!live || percent <= shown) return; // (the checksum file that follows starts again at 0)
    shown = percent;
    process.stdout.write(`\r${line} ${percent}%`);
  });
  if (live) process.stdout.write('\n');
  if (cause) fail(`downloading Electron ${version} for ${platform}-${arch} failed.`, cause);
  return electronBinaryPath(packageDir);
}

const executable = await binary();
await buildIfStale(appDir, console.log);
/** Ubuntu 23.10+ forbids the user namespaces Chromium's sandbox uses, unless chrome-sandbox is setuid root. */
function sandboxBlocked() {
  if (process.platform !== 'linux') return false;
  try {
    if (readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim() !== '1') return false;
    const helper = statSync(join(dirname(executable), 'chrome-sandbox'));
    return helper.uid !== 0 || (helper.mode & 0o4000) === 0;
  } catch {
    return false;
  }
}

const child = spawn(executable, [appDir, ...process.argv.slice(2)], { stdio: 'inherit', cwd: appDir });
child.on('exit', (code, signal) => {
  if ((code !== 0 || signal) && sandboxBlocked()) {
    const helper = join(dirname(executable), 'chrome-sandbox');
    console.error(
      `Seller KB: this system restricts the sandbox Electron needs; once: sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`,
    );
  }
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
