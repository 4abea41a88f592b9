// A bad line of a VIN list is reported by its line number and its VIN cell, never the rest of the line:
// the other cells hold guests' names and phones, and stderr ends up in logs. Real CLI, real files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const PRIVATE = /Secret|Hidden|Private|Concealed|Masked|555-01/;

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

const LINES = [
  'VIN,Guest,Phone',
  `${ALE(1)},Ann Example,555-0100`,
  `${ALE(2)},"Ann Secret,555-0199`,
  ',Bob Hidden,555-0198',
  'NOTAVIN,Dan Concealed,555-0197',
  `${ALE(3)},${'Carol Private '.repeat(80_000)},555-0196`,
  `${ALE(4)},Fay Masked,555-0195,extra`,
  // Mostly good lines: a file of mostly bad lines is refused as a whole (not a VIN list).
  ...Array.from({ length: 10 }, (_, i) => `${ALE(100 + i)},Guest ${i},555-0000`),
];

test('import-vins: each bad line by number with its VIN cell, no name or phone', () => {
  const r = cli(['import-vins', 'ALE', write('tis.csv', LINES.join('\n')), '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('16 rows read: 11 valid, 0 duplicates, 5 invalid.');
  expect(r.stderr).toMatch(new RegExp(`line 3: A quote .*\\(${ALE(2)}\\)`));
  expect(r.stderr).toMatch(/line 4: No VIN on this line\.\n/);
  expect(r.stderr).toMatch(/line 5: .*\(NOTAVIN\)/);
  expect(r.stderr).toMatch(/line 6: The line has [\d,]+ characters/);
  expect(r.stderr).toMatch(new RegExp(`line 7: The line has 4 cells.*\\(${ALE(4)}\\)`));
  expect(r.stderr).not.toMatch(PRIVATE);
});

test('check: the same lines, the same discretion', () => {
  const r = cli(['check', write('check.csv', LINES.join('\n')), '--json', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/line 4/);
  expect(r.stderr).not.toMatch(PRIVATE);
});

test('a file with no VIN column: said without quoting its first line', () => {
  const r = cli(['import-vins', 'ALE', write('names.csv', 'Eve Hidden,555-0194\nSam Hidden,555-0193\n'), '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('names.csv is not a VIN list: none of its columns holds VINs.');
  expect(r.stderr).not.toMatch(PRIVATE);
});

// A name and phone typed into the VIN's own place: the cell is no VIN, and none of it is shown.
const GOOD = Array.from({ length: 6 }, (_, i) => ALE(200 + i));
const LEAKS = /Secret|Person|Jose|867|5309/;

test('a VIN list line holding a name and phone: its number and its true length (letters and digits), none of its text', () => {
  const list = write('vl.txt', [GOOD[0], `${ALE(1).slice(0, 16)} Secret Person 555-867-5309`, ...GOOD.slice(1)].join('\n'));
  const r = cli(['import-vins', 'ALE', list, '--dry-run', '--db', tempDbPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/line 2: A VIN has 17 characters; this has 38 \(21 too many\)\.\n/);
  expect(r.stderr).not.toMatch(LEAKS);
  expect(r.stderr).not.toMatch(/Position 2\d/);
  const c = cli(['check', list, '--db', tempDbPath()]);
  expect(c.code).toBe(0);
  expect(c.stderr).toMatch(/line 2: A VIN has 17 characters; this has 38 \(21 too many\)\.\n/);
  expect(c.stderr).not.toMatch(LEAKS);
});

test('a CSV whose VIN cell holds a name and phone: the line number and a true reason, neither cell shown', () => {
  const csv = write('dms.csv', ['VIN,Customer', `${GOOD[0]},Ann`, 'Jose Secret 555-867-5309,Bob Hidden', ...GOOD.slice(1).map((v) => `${v},Guest`)].join('\n'));
  const vehicles = cli(['import-vehicles', csv, '--dry-run', '--db', tempDbPath()]);
  expect(vehicles.code).toBe(0);
  expect(vehicles.stderr).toMatch(/line 3: A VIN has 17 characters; this has 20 \(3 too many\)\.\n/);
  expect(vehicles.stderr).not.toMatch(LEAKS);
  expect(vehicles.stderr).not.toMatch(PRIVATE);
  const list = cli(['import-vins', 'ALE', csv, '--dry-run', '--db', tempDbPath()]);
  expect(list.code).toBe(0);
  expect(list.stderr).toMatch(/line 3: A VIN has 17 characters; this has 20 \(3 too many\)\.\n/);
  expect(list.stderr).not.toMatch(LEAKS);
  const c = cli(['check', csv, '--db', tempDbPath()]);
  expect(c.stderr).toMatch(/line 3: A VIN has 17 characters; this has 20 \(3 too many\)\.\n/);
  expect(c.stderr).not.toMatch(LEAKS);
});

test('a VIN one character short is still shown, with its length', () => {
  const short = ALE(1).slice(0, 16);
  const r = cli(['import-vins', 'ALE', write('vl.txt', [GOOD[0], short, ...GOOD.slice(1)].join('\n')), '--dry-run', '--db', tempDbPath()]);
  expect(r.stderr).toContain(`line 2: A VIN has 17 characters; this has 16 (1 missing). (${short})`);
});
