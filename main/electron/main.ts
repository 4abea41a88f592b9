// The Electron entry: one window onto the renderer, the services behind typed IPC handlers.
// Only this folder imports 'electron'; everything it serves runs in plain Node too.
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import { ipcChannel, operationNames } from '../../shared/api';
import { CHANGED_CHANNEL } from '../../shared/contract';
import { createApp, type App } from '../app';
import { scheduleDailyBackups } from '../db/backup';
import { resolveDbPath, userDataDir } from '../db/paths';
import { ElectronPdf, showInFolder } from './print';
import { APP_ENTRY_URL } from '../security/app-protocol';
import { registerAppScheme, serveAppScheme } from './protocol';
import { hardenContents, hardenSession, isTrustedEvent, windowWebPreferences } from './security';

declare const __APP_VERSION__: string;

app.setPath('userData', userDataDir());
app.enableSandbox();
registerAppScheme();
hardenContents();

let services: App | undefined;

async function start(): Promise<void> {
  hardenSession();
  serveAppScheme(path.join(__dirname, '..', 'renderer'));
  const dbFlag = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  services = await createApp({ dbPath: resolveDbPath(dbFlag), version: __APP_VERSION__, pdf: new ElectronPdf(), showInFolder });
  // A single PC backs up too: a copy a day, the last 14 kept.
  scheduleDailyBackups(services.db.sqlite, services.db.path, services.now, (m) => console.error(m));

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
  const dispatch = services.dispatch;
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown, session: unknown) => {
      if (!isTrustedEvent(event, expectedUrl, win.webContents.id)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Recall Desk window.', details: [] } };
      }
      return dispatch(name, input, { session: typeof session === 'string' && session ? session : null });
    });
  }
  // Every write, and every change another process makes to the file, reaches the window at once.
  const unsubscribe = services.changes.subscribe((tags) => {
    if (!win.isDestroyed()) win.webContents.send(CHANGED_CHANNEL, tags);
  });
  win.on('closed', unsubscribe);
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
  void services?.close().finally(() => app.quit());
});
