import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron';
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORE_V8_FLAGS, coreOptionsArgument } from '../common/coreProcess.js';
import { eventsFromSubscribe } from '../common/index.js';
import { prebuiltLibraryPath, PRODUCT_NAME, rendererDir } from '../core/paths.js';
import { serveAppRequest } from './appProtocol.js';
import { startCoreClient, type CoreClient } from './coreClient.js';
import { APP_ORIGIN, forwardEvents, registerIpcHandlers } from './ipc.js';
import { parseLaunchOptions, runSmokeTest, SMOKE_TEST_FILE } from './launchOptions.js';
import { menuTemplate } from './menu.js';
import { showWindow, startDesktopReminders, type DesktopReminders } from './desktopReminders.js';
import { denyAllPermissions, lockNavigation, secureWebPreferences } from './security.js';
import { attachSpellingMenu } from './spelling.js';
import { loadWindowBounds, saveWindowBounds } from './windowState.js';

// The desktop door: a window onto the renderer, the core behind IPC. Logic lives in the core, which
// runs in its own process (a utilityProcess, coreProcess.ts): this process owns windows and IPC only.
const appRoot = app.getAppPath();
app.setName(PRODUCT_NAME);
const launch = parseLaunchOptions(process.argv);
if (launch.dataDir) app.setPath('userData', launch.dataDir);
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let reminders: DesktopReminders | null = null;

/** The core's process, as the main process calls it: calls wait while the core loads (set in start()). */
let core: CoreClient | null = null;
let coreReady = false;
/** The quit waits once for the core to close its notebook (see before-quit). */
let coreClosed = false;

function createWindow(): BrowserWindow {
  const boundsFile = join(app.getPath('userData'), 'window.json');
  const bounds = loadWindowBounds(boundsFile);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  if (bounds.maximized) window.maximize();
  lockNavigation(window.webContents, (url) => shell.openExternal(url));
  attachSpellingMenu(window.webContents, {
    check: (word) => core!.api.checkSpelling({ word }),
    popup: (template) => Menu.buildFromTemplate(template).popup({ window }),
    locale: app.getLocale(),
  });
  window.once('ready-to-show', () => window.show());
  window.on('close', () =>
    saveWindowBounds(boundsFile, { ...window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Saves the page being read as a PDF (the print stylesheet hides the app's chrome). */
async function saveAsPdf(): Promise<void> {
  if (!mainWindow) return;
  const { canceled, filePath } = await dialog.showSaveDialog(mainWindow, {
    defaultPath: `${mainWindow.getTitle() || PRODUCT_NAME}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return;
  await writeFile(filePath, await mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: false }));
}

/** An attachment's copy in the system's viewer; shell.openPath answers with an error text, or '' when it worked. */
async function openInSystemViewer(path: string): Promise<void> {
  const problem = await shell.openPath(path);
  if (problem) throw new Error(`Attachments: the system viewer could not open ${path} (${problem})`);
}

/** The core in a utility process (coreProcess.cjs beside this bundle), restarted once if it ends unexpectedly. */
function startDesktopCore(): CoreClient {
  const options = {
    appRoot,
    dataDir: app.getPath('userData'),
    prebuiltPath: prebuiltLibraryPath(appRoot),
    autoBackup: true,
  };
  return startCoreClient({
    start: () =>
      utilityProcess.fork(join(__dirname, 'coreProcess.cjs'), [coreOptionsArgument(options)], {
        serviceName: `${PRODUCT_NAME} core`,
        stdio: 'inherit',
        execArgv: [...CORE_V8_FLAGS],
      }),
    openFile: openInSystemViewer,
    onRestart: (code) => {
      if (launch.smokeTest) return;
      const message = `The part of ${PRODUCT_NAME} that keeps your notebook stopped unexpectedly (exit code ${code}) and has been started again. What you were doing at that moment may not have been saved; an encrypted notebook must be unlocked again.`;
      void dialog.showMessageBox({ type: 'warning', title: PRODUCT_NAME, message });
    },
    onFailure: (message) => {
      if (launch.smokeTest) return; // reported by the smoke test, without a dialog waiting for a click
      dialog.showErrorBox(PRODUCT_NAME, message);
      app.quit();
    },
  });
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  // Chromium's spellchecker would download its dictionaries; spelling comes from dictionary-en instead.
  session.defaultSession.setSpellCheckerEnabled(false);
  protocol.handle('app', (request) => serveAppRequest(rendererDir(appRoot), request.url));
  // The core starts in its own process; the window opens at once, and calls it makes while the library loads wait for it.
  const client = startDesktopCore();
  core = client;
  const ready = client.ready.then(() => client.api);
  ready.then(
    () => (coreReady = true),
    () => undefined, // told by onFailure
  );
  // Push events (libraryChanged, due) to every window; a deadline falling due is also a reminder check.
  forwardEvents(
    (listener) => client.subscribe(listener),
    () => BrowserWindow.getAllWindows(),
  );
  eventsFromSubscribe((listener) => client.subscribe(listener)).onDue(() => void reminders?.check());
  // Reminders (issue 16): notifications for due deadlines; with the tray opted in, closing the window keeps them coming.
  reminders = startDesktopReminders(client.api, {
    show: (hash) => void (mainWindow = showWindow(mainWindow, createWindow)).loadURL(`${APP_ORIGIN}/index.html${hash}`),
    quit: () => app.quit(),
  });
  void ready.then(() => reminders?.check());
  registerIpcHandlers(ipcMain, reminders.watching(client.api));
  const actions = { print: () => mainWindow?.webContents.print(), savePdf: () => void saveAsPdf() };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(app.getLocale(), process.platform === 'darwin', actions)),
  );
  mainWindow = createWindow();
  if (launch.smokeTest) {
    // The line goes to stdout and to a file beside the notebook (a Windows GUI app may have no stdout).
    const log = (line: string) => {
      console.log(line);
      writeFileSync(join(app.getPath('userData'), SMOKE_TEST_FILE), `${line}\n`);
    };
    void runSmokeTest(mainWindow.webContents, ready, log).then((code) => (code === 0 ? app.quit() : app.exit(code)));
  }
}

// A second launch focuses the first window; without the lock, quit before touching the notebook.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, (url) => shell.openExternal(url)));
  app.whenReady().then(start, (error: unknown) => console.error(error));
  app.on('activate', () => {
    if (coreReady && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !reminders?.keepsRunning()) app.quit();
  });
  // The core's process closes the notebook and the folder cache before the app ends (killed after 5 s).
  app.on('before-quit', (event) => {
    if (!core || coreClosed) return;
    event.preventDefault();
    coreClosed = true;
    void core.close().then(() => app.quit());
  });
}
