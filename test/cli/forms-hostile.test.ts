// Hostile text on paper: markup, a stylesheet's end tag, script and quotes in the dealer's name and in a
// bulletin's title are printed as text, never read as markup or CSS. Each document is printed by Chromium
// through the real CLI, read back with pdftotext, and a PNG of each page is kept in test-results/forms/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT, cli } from '../support/cli';

const LC = 'JTHKPAAY4PA001234';
const PNG_DIR = path.join(ROOT, 'test-results', 'forms');
const DEALER_NAME = `Lexus </style><h1>INJECTED</h1><script>document.write('x')</script> "of" 'Springfield' </title>`;
const TITLE = `Second Key </style></title><h2>TITLE INJECTED</h2><script>alert(1)</script> "Program"`;

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-forms-hostile-'));
  db = path.join(dir, 'db.sqlite');
  const dealer = ['settings', 'dealer', '--name', DEALER_NAME, '--address', '1 </style> Street\\nSpringfield', '--code', '64123', '--phone', '555-0100'];
  const r = cli([...dealer, '--db', db]);
  expect(r.stderr).toBe(`New database created at ${db}\n`);
  // A newer revision of 23LJ01 whose title carries markup.
  const b = JSON.parse(fs.readFileSync(path.join(ROOT, 'main', 'campaigns', 'library', '23LJ01.json'), 'utf8'));
  b.title = TITLE;
  b.documents.faq.title = `${TITLE} FAQ`;
  b.revisionDate = '2024-06-30';
  const file = path.join(dir, 'hostile-bulletin.json');
  fs.writeFileSync(file, JSON.stringify(b));
  const imp = cli(['import-bulletin', file, '--db', db]);
  // An import prints its impact on stderr (issue 15); nothing else.
  expect(imp.stderr).toMatch(/^(Impact: [^\n]*\n)?$/);
  expect(imp.code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, ' ');

test.each([
  ['faq', ['form', 'faq', '23LJ01']],
  ['owner-letter', ['form', 'owner-letter', '23LJ01', LC]],
  ['disclosure', ['form', 'disclosure', LC, '--staff', `Ann "</style>" O'Neil`, '--model', 'LC', '--produced', '12/22']],
  ['holds', ['form', 'holds']],
] as const)(
  '%s: markup in the dealer name and the bulletin title prints as text, page numbers intact',
  (name, args) => {
    const out = path.join(dir, `hostile-${name}.pdf`);
    const r = cli([...args, '--out', out, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const n = pages(out);
    const t = flat(text(out));
    fs.mkdirSync(PNG_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out, path.join(PNG_DIR, `hostile-${name}`)]);
    // The dealer's name, whole and literal, at the head of the page (the FAQ, the lists, the letter it forwards) or in its field.
    expect(t).toContain(flat(DEALER_NAME));
    // Every page numbered: the footer's stylesheet survived the name.
    expect(t).toContain(`Page ${n} of ${n}`);
    // No heading was injected: "INJECTED" is only ever part of the literal text.
    expect(t.match(/(?<!<h1>|<h2>TITLE )INJECTED/g)).toBeNull();
    if (name === 'disclosure') expect(n).toBe(1);
    // The footer carries the (cut) title or dealer name as text (the owner letter: "Forwarded by" the dealer).
    expect(t).toMatch(name === 'owner-letter' ? /Forwarded by Lexus <\/style><h1>INJECTED/ : /Lexus <\/style><h1>INJECTED/);
    if (name === 'owner-letter') expect(t).toContain('Dear Lexus Guest:');
    if (name === 'faq') {
      expect(t).toContain('How long will pairing the key take?');
      expect(t).toContain(`${flat(TITLE)} FAQ`);
    }
  },
  60_000,
);
