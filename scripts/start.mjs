// `npm start`: the desktop app. Where Electron's binary is not installed, say so in one line.
// (Requiring 'electron' would try to download the binary, so its location is read directly.)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error('Seller KB: the Electron binary is not installed on this machine; run "npm run web" to use Seller KB in your browser instead.');
  process.exit(1);
}
if (!existsSync('dist/electron/main.cjs')) await import('./build.mjs');
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
