// The hold report on paper at dealer size (issue 17: 20,000 vehicles took 19-61 s in Chromium): a line is
// one box of monospaced text (its fixed fields padded into columns, its holds after them), not a row of
// seven cells, and the paper stays complete and readable: every vehicle once, the column heading on every page,
// "Page k of N" on every page, the holds in their own column. Printed by Chromium,
// read back with pdftotext; the pages are kept as PNG in test-results/forms/ to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RenderedForm } from '../../shared/forms/contract';
import { ok } from '../support/envelope';
import { importVehicles, LC } from '../support/lane';
import { stockCsv } from '../support/synthetic';
import { tempDir, testApp } from '../support/tempdb';

const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };
const N = 400;
const PNG_DIR = path.join(import.meta.dirname, '..', '..', 'test-results', 'forms');

test('a line of the hold report is one box; the PDF has every vehicle, the heading and the page number on every page', async () => {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer: DEALER }));
  await importVehicles(app, stockCsv(N), 'add');
  // An LC of unknown condition: both 23LJ01 rules, a longer holds text on its line.
  await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `C0,${LC},2023,LC,12/22,`].join('\r\n'), 'add');

  const { html } = await ok<RenderedForm>(app.dispatch('renderForm', { kind: 'holds' }));
  const body = html.slice(html.indexOf('<body'));
  const lines = (body.match(/<div class="ln">/g) ?? []).length;
  expect(lines).toBeGreaterThan(N);
  // Every element of the body (tables, headings, legend included) per line: 1 for a line, a little for the rest.
  const elements = (body.match(/<[a-z]/g) ?? []).length;
  expect(elements / lines).toBeLessThan(1.5);

  const saved = await ok<{ pages: number; pdfBase64: string }>(app.dispatch('saveFormPdf', { kind: 'holds' }));
  const pdf = path.join(tempDir(), 'holds.pdf');
  fs.writeFileSync(pdf, Buffer.from(saved.pdfBase64, 'base64'));
  fs.mkdirSync(PNG_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(PNG_DIR, 'holds-lines')]);
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  expect(pages).toHaveLength(saved.pages);
  expect(saved.pages).toBeGreaterThan(3);
  pages.forEach((p, i) => {
    expect(p).toMatch(/Stock #\s+VIN\s+Model\s+Year\s+Condition\s+Holds \(see legend\)/);
    expect(p).toContain(`Page ${i + 1} of ${saved.pages}`);
  });
  const text = pages.join('\n');
  for (let i = 1; i <= N; i++) expect(text.match(new RegExp(`\\bS${String(i).padStart(6, '0')}\\b`, 'g')) ?? []).toHaveLength(1);
  // The LC's line: its fixed fields in their columns, then both holds in the holds column.
  const lc = text.split('\n').findIndex((l) => /^\s*C0\s+JTHKPAAY4PA001234\s+LC\s+2023\s+Condition unknown\s/.test(l));
  expect(lc).toBeGreaterThan(-1);
  const line = text.split('\n')[lc]!;
  expect(line.search(/23LJ01 \[\d\], verify in TIS; 23LJ01 \[\d\]/)).toBeGreaterThan(40);
});
