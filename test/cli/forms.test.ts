// `recall-desk settings`, `form ...` and `forms` as a user runs them: each document printed to PDF by
// Chromium and read back (pdftotext: the filled fields, no internal items, the page count), with a PNG
// of each page kept in test-results/forms/ to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath } from '../support/tempdb';

const LC = 'JTHKPAAY4PA001234';
const GS = 'JTHBE96S170007930';
const PNG_DIR = path.join(ROOT, 'test-results', 'forms');
const DEALER = [
  'settings',
  'dealer',
  '--name',
  'Lexus of Springfield',
  '--address',
  '100 Main Street\\nSpringfield, IL 62701',
  '--code',
  '64123',
  '--phone',
  '(217) 555-0100',
];

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);
/** A PNG of every page, to look at. */
function png(pdf: string, name: string) {
  fs.mkdirSync(PNG_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(PNG_DIR, name)]);
}

let db: string;
let dir: string;
// One database and folder for the whole file (the shared temp helpers clear theirs after each test).
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-forms-'));
  db = path.join(dir, 'db.sqlite');
  expect(cli([...DEALER, '--db', db]).code).toBe(0);
  expect(cli(['settings', 'staff', 'add', 'Ann Advisor', '--db', db]).code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('settings', () => {
  test('settings --json shows the dealer, staff and paper; missing details stop the first form', () => {
    const fresh = tempDbPath();
    const r = cli(['form', 'disclosure', LC, '--staff', 'Ann', '--model', 'LC', '--produced', '12/22', '--out', path.join(dir, 'x.pdf'), '--db', fresh]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Dealer details are missing \(dealer name, dealer address, dealer code, dealer phone\)/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);

    const s = JSON.parse(cli(['settings', '--json', '--db', db]).stdout);
    expect(s).toEqual({
      dealer: { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' },
      missing: [],
      openingHours: null,
      staff: ['Ann Advisor'],
      paper: 'letter',
    });
    const bad = cli([...DEALER, '--paper', 'legal', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--paper "legal" is not a paper size: use letter (US Letter) or a4.');
  });
});

describe('form', () => {
  test('disclosure: one page, every field filled, a 120-character name and a 4-line address whole; recorded', () => {
    const out = path.join(dir, 'disclosure.pdf');
    const name = 'Maximiliana Alexandrina Bartholomew-Featherstonehaugh de la Cruz y Villanueva-Montgomery Worthington-Smythe Jr. III';
    expect(name.length).toBeGreaterThanOrEqual(115);
    const guestName = name.padEnd(120, 'x');
    const r = cli([
      'form',
      'disclosure',
      `I${LC}`,
      '--staff',
      'Ann Advisor',
      '--model',
      'LC',
      '--produced',
      '12/22',
      '--guest-name',
      guestName,
      '--guest-email',
      'jordan@example.com',
      '--guest-phone',
      '217-555-0199',
      '--guest-address',
      'Apartment 1234, Building C\\n5678 Very Long Boulevard Name Extension Road\\nSuite 900\\nSpringfield, IL 62701-1234',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Saved Guest Contact & Vehicle Disclosure Form, ${LC} to ${out} (1 page).`);
    expect(r.stdout).toContain(`E-mail: to qc@lexus.com, subject "Disclosure Form 23LJO1 ${LC}", attach ${out}`);
    expect(r.stdout).toMatch(/Advisor note: .*Confirm with your region/);
    // No guest data in what the command says (terminals and their logs).
    expect(r.stdout).not.toMatch(/Maximiliana|jordan@|555-0199|Boulevard/);
    expect(pages(out)).toBe(1);
    const t = text(out).replace(/\s+/g, ' ');
    for (const s of [
      LC,
      '23LJ01',
      'LC',
      '2023',
      'Lexus of Springfield',
      '100 Main Street',
      '64123',
      '(217) 555-0100',
      'Ann Advisor',
      'jordan@example.com',
      '217-555-0199',
      'Springfield, IL 62701-1234',
      'Suite 900',
    ]) {
      expect(t).toContain(s);
    }
    // The long name wraps; every word of it is on the page.
    for (const w of name.split(/[ -]/)) expect(t).toContain(w);
    expect(t).toContain('This form is not applicable for new vehicles in dealership inventory.');
    expect(t).toContain('NO CHARGE');
    expect(t).toContain('GUEST SIGNATURE');
    expect(t).toContain('DEALER STAFF SIGNATURE');
    expect(t).toContain('Page 1 of 1');
    expect(t).not.toContain('Confirm with your region');
    png(out, 'disclosure');

    const log = JSON.parse(cli(['forms', LC, '--json', '--db', db]).stdout);
    expect(log).toEqual([
      { id: expect.any(Number), kind: 'disclosure', campaign: '23LJ01', vin: LC, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), staff: 'Ann Advisor' },
    ]);
    const table = cli(['forms', '--db', db]).stdout;
    expect(table).toMatch(/Disclosure form\s+23LJ01\s+JTHKPAAY4PA001234\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+Ann Advisor/);
  }, 60_000);

  test('A4 paper prints A4; blank guest lines where nothing is known', () => {
    const a4 = tempDbPath();
    expect(cli([...DEALER, '--paper', 'a4', '--db', a4]).code).toBe(0);
    const out = path.join(dir, 'a4.pdf');
    const r = cli(['form', 'disclosure', LC, '--staff', 'Bo', '--model', 'LC', '--produced', '2022-12', '--out', out, '--db', a4]);
    expect(r.code).toBe(0);
    expect(info(out)).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages(out)).toBe(1);
    png(out, 'disclosure-a4-blank');
  }, 60_000);

  test('the longest details the form accepts (all wide capitals) still fit one page; a fifth address line is refused', () => {
    const wide = tempDbPath();
    const w = (n: number) => 'W'.repeat(n);
    const dealer = ['settings', 'dealer', '--name', w(100), '--address', `${w(60)}\\n${w(60)}\\n${w(70)}`, '--code', w(20), '--phone', '9'.repeat(40)];
    expect(cli([...dealer, '--db', wide]).code).toBe(0);
    const out = path.join(dir, 'widest.pdf');
    const address = `${w(58)}\\n${w(58)}\\n${w(58)}\\n${w(62)}`;
    const args = ['form', 'disclosure', LC, '--staff', w(80), '--model', 'LC', '--produced', '2022-12', '--guest-name', w(120)];
    const r = cli([...args, '--guest-email', `${w(108)}@example.com`, '--guest-address', address, '--guest-phone', '9'.repeat(40), '--out', out, '--db', wide]);
    expect(r.code).toBe(0);
    expect(pages(out)).toBe(1);
    png(out, 'disclosure-widest');
    const five = cli([...args, '--guest-address', '1\\n2\\n3\\n4\\n5', '--out', path.join(dir, 'five.pdf'), '--db', wide]);
    expect(five.code).toBe(2);
    expect(five.stderr).toContain('guest.address: has more than 4 lines; the form has room for 4');
  }, 60_000);

  test('refused with the reason: a VIN no campaign with a form covers, a bad month, a missing folder', () => {
    const r = cli(['form', 'disclosure', GS, '--staff', 'Ann', '--out', path.join(dir, 'gs.pdf'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`No disclosure form for ${GS}: none of the campaigns that may apply (ALE) has a disclosure form.\n`);
    expect(cli(['form', 'disclosure', LC, '--staff', 'Ann', '--produced', '13/22', '--out', path.join(dir, 'm.pdf'), '--db', db]).code).toBe(2);
    const folder = cli(['form', 'faq', '23LJ01', '--out', path.join(dir, 'nope', 'f.pdf'), '--db', db]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/does not exist/);
  });

  test('no Chromium: exit 2 saying so', () => {
    const r = cli(['form', 'faq', '23LJ01', '--out', path.join(dir, 'nc.pdf'), '--db', db], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CHROMIUM_PATH names /nowhere/chromium, which does not exist: point it at Chromium, Chrome or Edge.');
  });

  test('owner letter with the VIN filled; ALE has none', () => {
    const out = path.join(dir, 'letter.pdf');
    const r = cli(['form', 'owner-letter', '23LJ01', LC, '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    const t = text(out);
    expect(t).toContain(`VIN: ${LC}`);
    expect(t).not.toContain('[VIN]');
    expect(t).toContain('Dear Lexus Guest:');
    expect(t).toContain(`Page 1 of ${pages(out)}`);
    png(out, 'owner-letter');
    const ale = cli(['form', 'owner-letter', 'ALE', GS, '--out', path.join(dir, 'ale.pdf'), '--db', db]);
    expect(ale.code).toBe(2);
    expect(ale.stderr).toBe('The ALE bulletin has no owner letter: there is nothing to print.\n');
  }, 60_000);

  test('guest FAQ: guest questions and contacts, never the media contacts', () => {
    for (const [code, internal] of [
      ['23LJ01', ['Joshua Burns', '292-6449']],
      ['ALE', ['468-2552', '468-4718', 'Corporate Communications']],
    ] as const) {
      const out = path.join(dir, `faq-${code}.pdf`);
      const r = cli(['form', 'faq', code, '--out', out, '--db', db]);
      expect(r.code).toBe(0);
      const t = text(out);
      for (const s of internal) expect(t).not.toContain(s);
      const n = pages(out);
      expect(n).toBeGreaterThan(1);
      expect(r.stdout).toContain(`(${n} pages)`);
      expect(t).toContain(`Page ${n} of ${n}`);
      png(out, `faq-${code}`);
    }
    expect(text(path.join(dir, 'faq-23LJ01.pdf'))).toContain('How long will pairing the key take?');
  }, 90_000);

  test('lists: holds one line per vehicle with a legend; orders and claims print what the parts counter has (nothing yet: they say so)', () => {
    const stock = path.join(dir, 'stock.csv');
    const vins = [GS, makeVin('JTH', 'BE96S', 2007, '0007935'), makeVin('JTH', 'BE96S', 2007, '0007936')];
    fs.writeFileSync(stock, ['Stock #,VIN,Year,Model,New/Used', ...vins.map((v, i) => `S${i},${v},2007,GS 350,U`), `S9,${LC},2023,LC,N`].join('\n'));
    expect(cli(['import-vehicles', stock, '--stock', 'add', '--db', db]).code).toBe(0);
    const out = path.join(dir, 'holds.pdf');
    expect(cli(['form', 'holds', '--out', out, '--db', db]).code).toBe(0);
    const t = text(out);
    expect(t).toContain('Lexus of Springfield');
    expect(t).toMatch(/Printed \d{4}-\d{2}-\d{2}/);
    expect(t).toContain('Page 1 of 1');
    for (const v of vins) expect(t.split(v).length - 1).toBe(1);
    expect(t.match(/not deliver any pre-owned vehicle in inventory/g)).toHaveLength(1);
    png(out, 'holds');

    for (const [kind, note] of [
      ['orders', 'No order'],
      ['claims', 'No claims recorded yet.'],
      ['followup', 'No vehicle serviced here has an open campaign'],
    ] as const) {
      const file = path.join(dir, `${kind}.pdf`);
      expect(cli(['form', kind, '--out', file, '--db', db]).code).toBe(0);
      expect(text(file)).toContain(note);
      expect(pages(file)).toBe(1);
      png(file, kind);
    }
  }, 90_000);
});
