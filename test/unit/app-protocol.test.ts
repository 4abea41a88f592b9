// The window's app://recall-desk/ scheme, without Electron: which file a request gets, its type, and
// the CSP on every response, whatever the request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { APP_ENTRY_URL, answerAppRequest, resolveAppRequest } from '../../main/security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-app-'));
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export {}');
fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
fs.writeFileSync(path.join(root, 'icon.svg'), '<svg/>');
// A secret beside the renderer folder: no app:// URL may reach it.
const secret = path.join(path.dirname(root), `${path.basename(root)}-secret.txt`);
fs.writeFileSync(secret, 'guest list');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(secret, { force: true });
});

const read = (file: string) => fs.promises.readFile(file);

test.each([
  [APP_ENTRY_URL, 'index.html', 'text/html; charset=utf-8'],
  ['app://recall-desk/', 'index.html', 'text/html; charset=utf-8'],
  ['app://recall-desk/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
  ['app://recall-desk/assets/index-abc.css?v=1#x', 'assets/index-abc.css', 'text/css; charset=utf-8'],
  ['app://recall-desk/icon.svg', 'icon.svg', 'image/svg+xml'],
  ['app://recall-desk/assets/a%20b.js', 'assets/a b.js', 'text/javascript; charset=utf-8'],
])('%s is %s as %s', (url, file, type) => {
  expect(resolveAppRequest(root, url)).toMatchObject({ ok: true, file: path.join(root, file), type });
});

test.each([
  ['../ in the path', `app://recall-desk/../${path.basename(secret)}`],
  ['encoded dots', `app://recall-desk/%2e%2e/${path.basename(secret)}`],
  ['dots and backslashes', `app://recall-desk/..\\..\\${path.basename(secret)}`],
])('%s stays inside the renderer folder', (_why, url) => {
  const r = resolveAppRequest(root, url);
  if (r.ok) expect(r.file.startsWith(root + path.sep)).toBe(true);
});

test.each([
  ['an encoded slash', `app://recall-desk/..%2F${path.basename(secret)}`],
  ['an encoded backslash run', `app://recall-desk/assets/..%2F..%2F${path.basename(secret)}`],
  ['another host', 'app://evil/index.html'],
  ['another scheme', `file://${path.join(root, 'index.html')}`],
  ['a bad %-escape', 'app://recall-desk/%E0%A4%A'],
  ['a NUL', 'app://recall-desk/index.html%00.js'],
  ['not a URL', 'app://[x/'],
])('%s is refused', (_why, url) => {
  const r = resolveAppRequest(root, url);
  expect(r.ok).toBe(false);
});

test('every response carries the CSP, the file its bytes, a route the app shell, a missing file 404', async () => {
  const cases: [string, number, string | null][] = [
    [APP_ENTRY_URL, 200, '<!doctype html>'],
    ['app://recall-desk/assets/index-abc.js', 200, 'export {}'],
    ['app://recall-desk/library', 200, '<!doctype html>'],
    ['app://recall-desk/assets/missing.js', 404, null],
    [`app://recall-desk/..%2F${path.basename(secret)}`, 404, null],
    [`app://recall-desk/../${path.basename(secret)}`, 404, null],
    ['app://recall-desk/%E0%A4%A', 400, null],
    ['app://evil/', 404, null],
  ];
  for (const [url, status, body] of cases) {
    const res = await answerAppRequest(root, url, read);
    expect({ url, status: res.status }).toEqual({ url, status });
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    if (body) expect(text.startsWith(body)).toBe(true);
    expect(text).not.toContain('guest list');
  }
});
