// Electron hardening in one place: CSP on every response, no navigation, no new windows, no
// permission grants (requested or checked), no default menu and no DevTools in a packaged build, and
// IPC accepted only from our own renderer's frame. The decisions are in ../security/window-policy.ts.
import { app, Menu, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_SCHEME } from '../security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { isTrustedSender } from '../security/sender';
import { applicationMenu, devToolsAllowed, permissionCheck } from '../security/window-policy';

/** The window's webPreferences that depend on the build: DevTools only while developing. */
export const windowWebPreferences = (isPackaged: boolean = app.isPackaged) => ({ devTools: devToolsAllowed(isPackaged) });

export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, origin) => permissionCheck(permission, origin));
  const menu = applicationMenu({ isPackaged: app.isPackaged, platform: process.platform });
  if (menu !== 'default') Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu as Electron.MenuItemConstructorOptions[]) : null);
  // Nothing of the product goes to the network, nor to the disk outside the app: refuse any request
  // that is not the app's own scheme (or the blob: URLs of CSV exports).
  const allowed = new RegExp(`^(${APP_SCHEME}|blob|devtools):`);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !allowed.test(details.url) });
  });
}

export function hardenContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Belt and braces: a packaged window has no DevTools (webPreferences); should they open, they close.
    if (!devToolsAllowed(app.isPackaged)) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}

/** True only for calls from the main frame of our window showing our own renderer page (app://recall-desk/index.html). */
export function isTrustedEvent(event: IpcMainInvokeEvent, expectedUrl: string, expectedId: number): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame.parent === null },
    { webContentsId: expectedId, url: expectedUrl },
  );
}
