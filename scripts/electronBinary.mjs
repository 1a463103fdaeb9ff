// Electron's binary: where it is, and fetching it through Electron's own installer.
// Electron 45's package has no install script: the binary is fetched on first use by
// node_modules/electron/install.js (@electron/get underneath). `npm start` and `npm run test:desktop`
// use this instead of require('electron'), which would download with its own messages and a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The folder of the electron package, or null when it is not installed. */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The executable inside the electron package for this system (as install.js names it). */
function platformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** What install.js downloads: version, platform and arch, read the way it reads them. */
export function electronTarget(packageDir = electronPackageDir()) {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  let arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
  if (
    platform === 'darwin' &&
    process.platform === 'darwin' &&
    arch === 'x64' &&
    process.env.npm_config_arch === undefined
  ) {
    // install.js: an x64 Node under Rosetta on Apple silicon still gets the arm64 build.
    const translated = spawnSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' });
    if (translated.stdout?.trim() === '1') arch = 'arm64';
  }
  return { version, platform, arch };
}

/** The installed Electron executable, or null when the binary has not been fetched yet. */
export function electronBinaryPath(packageDir = electronPackageDir()) {
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformPath(process.platform);
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const override = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative);
    return existsSync(override) ? override : null;
  }
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** One line for an installer error: the innermost cause's message, without a stack. */
export function oneLineCause(error) {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object' && current.cause; depth += 1)
    current = current.cause;
  const message =
    current instanceof Error || (current && typeof current === 'object')
      ? String(current.message ?? current)
      : String(current);
  const outer = error instanceof Error && error !== current ? `${error.message}: ` : '';
  return `${outer}${message}`.split('\n')[0].trim();
}

/**
 * Fetches the binary with install.js's own arguments (so ELECTRON_MIRROR, electron_config_cache,
 * electron_use_remote_checksums, ELECTRON_GET_USE_PROXY, force_no_cache … all apply) into
 * @electron/get's cache, then runs install.js, which finds it there, checks it and unpacks it.
 * `onProgress(fraction)` follows the download. Returns null when done, or the one-line cause of the failure.
 */
export async function installElectron(packageDir = electronPackageDir(), onProgress = () => {}) {
  const { version, platform, arch } = electronTarget(packageDir);
  try {
    const get = await import(
      pathToFileURL(createRequire(join(packageDir, 'install.js')).resolve('@electron/get')).href
    );
    const remoteChecksums =
      process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
    await get.downloadArtifact({
      version,
      artifactName: 'electron',
      force: process.env.force_no_cache === 'true',
      cacheRoot: process.env.electron_config_cache,
      checksums: remoteChecksums ? undefined : JSON.parse(readFileSync(join(packageDir, 'checksums.json'), 'utf8')),
      platform,
      arch,
      // quiet: @electron/get's own progress bar stays off; the caller shows one line.
      downloadOptions: { quiet: true, getProgressCallback: ({ percent }) => onProgress(percent) },
    });
  } catch (error) {
    return oneLineCause(error);
  }
  // force_no_cache would make install.js download a second time: the copy just fetched is in the cache.
  const env = { ...process.env, force_no_cache: 'false', ELECTRON_GET_NO_PROGRESS: '1' };
  const installer = spawnSync(process.execPath, [join(packageDir, 'install.js')], { env, encoding: 'utf8' });
  if (installer.status === 0 && electronBinaryPath(packageDir)) return null;
  const firstLine =
    `${installer.stderr ?? ''}`.split('\n').find((line) => line.trim()) ??
    `install.js exited with ${installer.status ?? installer.signal}`;
  return firstLine.trim();
}
