// The Electron entry: one window onto the renderer, the services behind typed IPC handlers.
// Only this folder imports 'electron'; everything it serves runs in plain Node too. A desk paired
// with a sharing PC (recall-desk connect, or Settings' "Connect to a desk") opens no database here:
// every call of the window goes to the host through main/lan/desk.ts (HTTPS, the certificate pinned
// to the fingerprint saved at pairing), as the person signed in to the window; printing stays on this
// PC. Settings switches it while the window runs, without a restart (main/lan/window-switch.ts).
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import { ipcChannel, operationNames } from '../../shared/api';
import { CHANGED_CHANNEL, type Tag } from '../../shared/contract';
import { HOST_CHANGED_CHANNEL, HOST_STATE_CHANNEL } from '../../shared/lan/window';
import { createApp, type App } from '../app';
import type { Dispatcher } from '../api/dispatch';
import { scheduleDailyBackups } from '../db/backup';
import { DB_FILE, userDataDir } from '../db/paths';
import { connectionFile } from '../lan/connection';
import { openDesk, windowBackend } from '../lan/desk';
import { shareStarter } from '../lan/share';
import { currentSharing, setSharingStarter, setWindowSwitch } from '../lan/state';
import { WindowSwitch } from '../lan/window-switch';
import { ElectronPdf, showInFolder } from './print';
import { APP_ENTRY_URL } from '../security/app-protocol';
import { registerAppScheme, serveAppScheme } from './protocol';
import { hardenContents, hardenSession, isTrustedEvent, windowWebPreferences } from './security';
import { reportsOf } from '../reports/service';

declare const __APP_VERSION__: string;

app.setPath('userData', userDataDir());
app.enableSandbox();
registerAppScheme();
hardenContents();

let services: App | undefined;
let windowDb: WindowSwitch | undefined;

async function start(): Promise<void> {
  hardenSession();
  serveAppScheme(path.join(__dirname, '..', 'renderer'));
  const backend = windowBackend({ argv: process.argv, env: process.env, dataDir: userDataDir() });
  // The window works on this PC's database or, paired, on the sharing PC's; Settings switches it while
  // it runs ("Connect to a desk", "Stop using HOST"): the logic is plain Node (main/lan/window-switch.ts).
  windowDb = await new WindowSwitch({
    openLocal: async () => {
      const dbPath = backend.kind === 'local' ? backend.dbPath : path.join(userDataDir(), DB_FILE);
      const local = await createApp({ dbPath, version: __APP_VERSION__, pdf: new ElectronPdf(), showInFolder });
      services = local;
      // A single PC backs up too: a copy a day, the last 14 kept.
      scheduleDailyBackups(local.db.sqlite, local.db.path, local.now, (m) => console.error(m));
      // The reports are made ahead of the first screen that asks, and kept made (main/reports/service.ts).
      reportsOf(local).keepWarm();
      // An admin may share this database with the other desks from Settings (as serve --lan does).
      setSharingStarter(shareStarter(local, path.join(__dirname, '..', 'renderer')));
      // Import files are read here by their path (previewVinListFile...), never sent through IPC.
      return { dispatch: local.dispatch, subscribe: (l) => local.changes.subscribe(l) };
    },
    openDesk: (connection) => openDesk(connection, { pdf: new ElectronPdf(), formsFolder: path.join(userDataDir(), 'forms'), showInFolder }),
    connectionFile: connectionFile(),
    start: backend.kind === 'desk' ? backend.connection : null,
  }).start();
  setWindowSwitch(windowDb);
  const switcher = windowDb;
  const dispatch: Dispatcher = switcher.dispatch;
  const subscribe = (l: (tags: readonly Tag[]) => void) => switcher.subscribe(l);

  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Recall Desk',
    backgroundColor: '#f4f5f7',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      ...windowWebPreferences(),
    },
  });
  const expectedUrl = APP_ENTRY_URL;
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown, session: unknown) => {
      if (!isTrustedEvent(event, expectedUrl, win.webContents.id)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Recall Desk window.', details: [] } };
      }
      return dispatch(name, input, { session: typeof session === 'string' && session ? session : null });
    });
  }
  // On a desk: which host, and whether it answers (the top bar); null on a file here.
  ipcMain.handle(HOST_STATE_CHANNEL, (event) => (isTrustedEvent(event, expectedUrl, win.webContents.id) ? switcher.hostState() : null));
  const unStatus = switcher.onHostState((s) => {
    if (!win.isDestroyed()) win.webContents.send(HOST_CHANGED_CHANNEL, s);
  });
  // Every write, and every change another process (or desk) makes to the database, reaches the window at once.
  const unsubscribe = subscribe((tags) => {
    if (!win.isDestroyed()) win.webContents.send(CHANGED_CHANNEL, tags);
  });
  win.on('closed', () => {
    unsubscribe();
    unStatus();
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(expectedUrl);
}

app
  .whenReady()
  .then(start)
  .catch((err: Error) => {
    dialog.showErrorBox('Recall Desk could not start', err.message);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  void Promise.all([currentSharing()?.close(), services?.close(), windowDb?.close()]).finally(() => app.quit());
});
