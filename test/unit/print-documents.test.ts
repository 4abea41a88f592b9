// The Electron print window's documents, without Electron: each is served once on the app's own scheme
// (app://print/<id>.html) from memory, never from a file:// URL or a file on the disk, with a CSP that
// allows the document's inline styles and nothing else.
import { expect, test } from 'vitest';
import { APP_SCHEME } from '../../main/security/app-protocol';
import { isPrintRequest, PRINT_CSP, PrintDocuments } from '../../main/security/print-documents';
import { layoutBudgetMs } from '../../main/forms/pdf';

const HTML = '<!doctype html><html><head><style>body{}</style></head><body>Lexus &lt;/style&gt;</body></html>';

test('a document is served on the app scheme with the print CSP, once, until it is done', async () => {
  const docs = new PrintDocuments();
  const doc = docs.add(HTML);
  expect(doc.url).toMatch(new RegExp(`^${APP_SCHEME}://print/[0-9a-f-]{36}\\.html$`));
  expect(isPrintRequest(doc.url)).toBe(true);
  const r = docs.answer(doc.url);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(r.headers.get('content-security-policy')).toBe(PRINT_CSP);
  expect(await r.text()).toBe(HTML);
  doc.done();
  expect(docs.answer(doc.url).status).toBe(404);
  expect(docs.size).toBe(0);
});

test('nothing else is served: another id, host, scheme, a path or a file:// URL', () => {
  const docs = new PrintDocuments();
  const doc = docs.add(HTML);
  const id = doc.url.split('/').pop()!;
  for (const url of [
    `${APP_SCHEME}://print/00000000-0000-0000-0000-000000000000.html`,
    `${APP_SCHEME}://recall-desk/${id}`,
    `file:///tmp/${id}`,
    `${APP_SCHEME}://print/${id}/x`,
    `${APP_SCHEME}://print/x/${id}`,
    'not a url',
  ]) {
    expect(docs.answer(url).status, url).toBe(404);
  }
  for (const url of [`file:///tmp/${id}`, 'https://example.com/', `${APP_SCHEME}://recall-desk/index.html`, 'data:text/html,x']) {
    expect(isPrintRequest(url), url).toBe(false);
  }
  expect(PRINT_CSP).toContain("default-src 'none'");
  expect(PRINT_CSP).not.toMatch(/script-src|file:/);
});

test('a dealer-sized document gets time to lay out in proportion to its size, a small one the usual 30 s', () => {
  expect(layoutBudgetMs(40_000)).toBe(31_000);
  // A hold report of 20,000 vehicles is about 12 MB of HTML: two and a half minutes, not a refusal at 30 s.
  expect(layoutBudgetMs(12_000_000)).toBe(150_000);
});
