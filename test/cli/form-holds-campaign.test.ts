// `form holds --campaign CODE` as a user runs it: the PDF's summary counts that campaign's held vehicles
// and says so ("7 vehicles in stock, 1 held for BLC."), read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath } from '../support/tempdb';

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test('form holds --campaign BLC: "7 vehicles in stock, 1 held for BLC."; without --campaign, the whole stock\'s count', () => {
  const db = tempDbPath();
  const dir = path.dirname(db);
  const dealer = ['settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '(217) 555-0100'];
  expect(cli([...dealer, '--db', db]).code).toBe(0);
  const lines = ['Stock #,VIN,Year,Model,Prod Date,New/Used'];
  for (let i = 0; i < 5; i++) lines.push(`A${i},${makeVin('JTH', 'BE96S', 2007, String(7930 + i).padStart(7, '0'))},2007,GS 350,,U`);
  lines.push(`B0,${makeVin('2T2', 'HA31U', 2005, '0100000')},2005,RX 330,,N`, 'H0,1HGCM82633A004352,2003,Accord,,U');
  const stock = path.join(dir, 'stock.csv');
  fs.writeFileSync(stock, `${lines.join('\r\n')}\r\n`);
  expect(cli(['import-vehicles', stock, '--stock', 'add', '--db', db]).code).toBe(0);

  const blc = path.join(dir, 'blc.pdf');
  const r = cli(['form', 'holds', '--campaign', 'BLC', '--out', blc, '--db', db]);
  expect(r.code).toBe(0);
  expect(text(blc)).toContain('7 vehicles in stock, 1 held for BLC.');
  const all = path.join(dir, 'all.pdf');
  expect(cli(['form', 'holds', '--out', all, '--db', db]).code).toBe(0);
  expect(text(all)).toContain('7 vehicles in stock, 6 held.');
}, 90_000);
