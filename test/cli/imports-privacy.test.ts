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
