// The Electron hardening module (main/electron/security.ts) against a recording stand-in for the
// electron module (Electron cannot run here): a packaged build has no default menu and no DevTools,
// and both the permission request handler and the permission check handler refuse everything.
import { beforeEach, expect, test, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  menu: [] as unknown[],
  requestHandler: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  checkHandler: null as null | ((wc: unknown, p: string, origin: string) => boolean),
  contentsCreated: null as null | ((e: unknown, wc: any) => void),
  isPackaged: true,
  platform: 'linux',
}));

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return calls.isPackaged;
    },
    on: (event: string, fn: (e: unknown, wc: unknown) => void) => {
      if (event === 'web-contents-created') calls.contentsCreated = fn;
    },
  },
  Menu: {
    setApplicationMenu: (m: unknown) => calls.menu.push(m),
    buildFromTemplate: (t: unknown) => ({ template: t }),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
      setPermissionRequestHandler: (fn: typeof calls.requestHandler) => (calls.requestHandler = fn),
      setPermissionCheckHandler: (fn: typeof calls.checkHandler) => (calls.checkHandler = fn),
    },
  },
}));

const { hardenContents, hardenSession, windowWebPreferences } = await import('../../main/electron/security');
const { applicationMenu } = await import('../../main/security/window-policy');

beforeEach(() => {
  calls.menu = [];
  calls.requestHandler = null;
  calls.checkHandler = null;
});

test('packaged: no application menu at all (so no Toggle Developer Tools, no Reload)', () => {
  calls.isPackaged = true;
  hardenSession();
  expect(calls.menu).toEqual([null]);
});

test('packaged on macOS: a minimal menu (the app, Edit for copy and paste), no DevTools and no reload', () => {
  const template = applicationMenu({ isPackaged: true, platform: 'darwin' });
  expect(template).not.toBeNull();
  const roles = JSON.stringify(template);
  expect(roles).toContain('"copy"');
  expect(roles).toContain('"paste"');
  expect(roles).toContain('"quit"');
  expect(roles).not.toMatch(/toggleDevTools|toggledevtools|reload|forceReload|forcereload/i);
});

test('development (not packaged): the default menu stays', () => {
  expect(applicationMenu({ isPackaged: false, platform: 'linux' })).toBe('default');
  calls.isPackaged = false;
  hardenSession();
  expect(calls.menu).toEqual([]);
});

test('DevTools are off in a packaged build, and a window that opens them anyway closes them', () => {
  expect(windowWebPreferences(true).devTools).toBe(false);
  expect(windowWebPreferences(false).devTools).toBe(true);
  calls.isPackaged = true;
  hardenContents();
  const listeners: Record<string, (...a: unknown[]) => void> = {};
  let closed = 0;
  const contents = {
    on: (event: string, fn: (...a: unknown[]) => void) => (listeners[event] = fn),
    setWindowOpenHandler: () => {},
    closeDevTools: () => closed++,
  };
  calls.contentsCreated!({}, contents);
  listeners['devtools-opened']!();
  expect(closed).toBe(1);
});

test('permissions: every request is refused, and every check answers no', () => {
  calls.isPackaged = true;
  hardenSession();
  expect(calls.requestHandler).not.toBeNull();
  expect(calls.checkHandler).not.toBeNull();
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen']) {
    let answer: boolean | null = null;
    calls.requestHandler!({}, p, (ok) => (answer = ok));
    expect(answer, p).toBe(false);
    expect(calls.checkHandler!({}, p, 'app://recall-desk'), p).toBe(false);
  }
});
