import { expect, test } from 'vitest';
import { isTrustedSender } from '../../main/security/sender';

const expected = { webContentsId: 7, url: 'file:///opt/Recall%20Desk/resources/app.asar/dist/renderer/index.html' };
const ok = { webContentsId: 7, frameUrl: expected.url, isMainFrame: true };

test('our window, main frame, our file: trusted (a #fragment does not matter)', () => {
  expect(isTrustedSender(ok, expected)).toBe(true);
  expect(isTrustedSender({ ...ok, frameUrl: expected.url + '#library' }, expected)).toBe(true);
});

test.each([
  ['another window', { ...ok, webContentsId: 8 }],
  ['a subframe', { ...ok, isMainFrame: false }],
  ['a frame that is gone', { ...ok, frameUrl: null }],
  ['a page navigated elsewhere', { ...ok, frameUrl: 'https://example.com/' }],
  ['another local file', { ...ok, frameUrl: 'file:///tmp/evil.html' }],
  ['a query string added', { ...ok, frameUrl: expected.url + '?x=1' }],
])('%s: refused', (_why, sender) => {
  expect(isTrustedSender(sender, expected)).toBe(false);
});
