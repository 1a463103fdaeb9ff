import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/main/security.js';

const MAIN_DIR = 'electron/main';

/** Every `new BrowserWindow({...})` in the main process, with the text of its webPreferences. */
function browserWindowPreferences(): { file: string; webPreferences: string | null }[] {
  const found: { file: string; webPreferences: string | null }[] = [];
  for (const name of readdirSync(MAIN_DIR).filter((file) => file.endsWith('.ts'))) {
    const file = join(MAIN_DIR, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') {
        const options = node.arguments?.[0];
        const property =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((item) => item.name?.getText() === 'webPreferences')
            : undefined;
        found.push({
          file,
          webPreferences: property && ts.isPropertyAssignment(property) ? property.initializer.getText() : null,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('every BrowserWindow', () => {
  it('takes its webPreferences from secureWebPreferences()', () => {
    const windows = browserWindowPreferences();
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) expect(window.webPreferences, window.file).toMatch(/^secureWebPreferences\(/);
  });

  it('is isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the renderer from the app: protocol, never from http', () => {
    const main = readFileSync(join(MAIN_DIR, 'main.ts'), 'utf8');
    expect(main).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(main).not.toMatch(/loadURL\(['"`]http/);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
    linux: { target: string[] };
    win: { target: string[] };
    mac: { target: string[] };
    electronFuses: Record<string, boolean>;
    files: string[];
    asarUnpack: string[];
  };

  it('builds AppImage, deb, NSIS and dmg for "Seller KB"', () => {
    expect(config.productName).toBe('Seller KB');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('sets the fuses that close the usual doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the build, the content and the prebuilt index, and unpacks the native module without rebuilding it', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'content/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3/**/*', 'node_modules/better-sqlite3-multiple-ciphers/**/*']),
    );
  });

  it('packs the core’s process bundle beside main.cjs and the worker bundles, inside the asar', () => {
    // main forks coreProcess.cjs from its own folder; the build writes it there, and the workers to dist/workers.
    expect(readFileSync(join(MAIN_DIR, 'main.ts'), 'utf8')).toContain(
      "utilityProcess.fork(join(__dirname, 'coreProcess.cjs')",
    );
    const build = readFileSync('scripts/build.mjs', 'utf8');
    for (const outfile of [
      'dist/electron/main.cjs',
      'dist/electron/coreProcess.cjs',
      'dist/workers/folderLoad.mjs',
      'dist/workers/attachmentText.mjs',
    ])
      expect(build).toContain(`'${outfile}'`);
    // dist/ is packed whole but for the build tools; nothing of it is unpacked (see the comment in electron-builder.yml).
    expect(config.files.filter((pattern) => pattern.startsWith('!dist/'))).toEqual(['!dist/tools/**']);
    expect(config.asarUnpack.filter((pattern) => pattern.startsWith('dist/'))).toEqual([]);
  });

  it('ships the binaries of both SQLite drivers (plain and encrypted) for every target platform in the packaged files', () => {
    for (const driver of ['better-sqlite3', 'better-sqlite3-multiple-ciphers']) {
      for (const platform of ['linux-x64', 'linux-arm64', 'win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64']) {
        expect(existsSync(join('node_modules', driver, 'prebuilds', `${platform}.node`)), `${driver} ${platform}`).toBe(
          true,
        );
      }
    }
  });

  it('has icons in every size', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(existsSync(`build/icons/${size}x${size}.png`), `${size}`).toBe(true);
    expect(existsSync('build/icon.png')).toBe(true);
  });
});
