import { expect, test } from 'vitest';
import { APP_ENTRY_URL } from '../../main/security/app-protocol';
import { isTrustedSender } from '../../main/security/sender';

const expected = { webContentsId: 7, url: APP_ENTRY_URL };
const ok = { webContentsId: 7, frameUrl: APP_ENTRY_URL, isMainFrame: true };

test('our window, main frame, our app:// page: trusted (a #fragment does not matter)', () => {
  expect(APP_ENTRY_URL).toBe('app://recall-desk/index.html');
  expect(isTrustedSender(ok, expected)).toBe(true);
  expect(isTrustedSender({ ...ok, frameUrl: `${APP_ENTRY_URL}#library` }, expected)).toBe(true);
});

test.each([
  ['another window', { ...ok, webContentsId: 8 }],
  ['a subframe', { ...ok, isMainFrame: false }],
  ['a frame that is gone', { ...ok, frameUrl: null }],
  ['a page navigated elsewhere', { ...ok, frameUrl: 'https://example.com/' }],
  ['a local file, even the renderer itself', { ...ok, frameUrl: 'file:///opt/Recall%20Desk/resources/app.asar/dist/renderer/index.html' }],
  ['another host on the app scheme', { ...ok, frameUrl: 'app://evil/index.html' }],
  ['another page of the app scheme', { ...ok, frameUrl: 'app://recall-desk/assets/x.html' }],
  ['a query string added', { ...ok, frameUrl: `${APP_ENTRY_URL}?x=1` }],
])('%s: refused', (_why, sender) => {
  expect(isTrustedSender(sender, expected)).toBe(false);
});
