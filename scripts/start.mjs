// `npm start`: the desktop app. Where Electron's binary could not be installed, say so in one line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

let electronBinary;
try {
  electronBinary = createRequire(import.meta.url)('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error('Seller KB: the Electron binary is not installed on this machine; run "npm run web" to use Seller KB in your browser instead.');
  process.exit(1);
}
if (!existsSync('dist/electron/main.cjs')) await import('./build.mjs');
const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
