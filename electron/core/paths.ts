import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The product name; Electron derives the userData folder from it, and so does the CLI. */
export const PRODUCT_NAME = 'Seller KB';

/** The desktop app's data folder (Electron's userData), so the CLI and the app share one notebook. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The folder holding package.json and content/, found by walking up from a file of the app. */
export function findAppRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'seller-kb')
      return dir;
    if (dirname(dir) === dir) throw new Error(`Seller KB: cannot find the app folder above ${start}`);
  }
}

/** Where the build writes the prebuilt library. */
export function prebuiltLibraryPath(appRoot: string): string {
  return join(appRoot, 'dist', 'library.json');
}

/** Where the build writes the renderer. */
export function rendererDir(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}
