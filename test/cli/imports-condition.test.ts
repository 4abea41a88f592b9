// `import-vehicles` reads "certified pre-owned" however a DMS spells it: the app's own term
// (certified-pre-owned, as `import-vehicles --help` lists it), Certified Pre-Owned, CPO, certified
// preowned... The built CLI on a real database file, the stored condition read back with SQLite.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

/** What the command tells the person (its preview is written to stderr, the result to stdout). */
const said = (r: { stdout: string; stderr: string }) => `${r.stderr}${r.stdout}`;

const SPELLINGS: [string, string][] = [
  ['certified-pre-owned', 'certified-pre-owned'],
  ['Certified Pre-Owned', 'certified-pre-owned'],
  ['CERTIFIED PRE-OWNED', 'certified-pre-owned'],
  ['Certified Pre Owned', 'certified-pre-owned'],
  ['certified preowned', 'certified-pre-owned'],
  ['Certified-Preowned', 'certified-pre-owned'],
  ['Certified_Pre_Owned', 'certified-pre-owned'],
  ['CPO', 'certified-pre-owned'],
  ['C.P.O.', 'certified-pre-owned'],
  ['Certified', 'certified-pre-owned'],
  ['L/Certified', 'certified-pre-owned'],
  ['Pre-Owned', 'used'],
  ['Used', 'used'],
  ['New', 'new'],
];

test('every spelling of certified pre-owned a DMS writes is read as certified-pre-owned', () => {
  const db = tempDbPath();
  const file = path.join(tempDir(), 'stock.csv');
  const vins = SPELLINGS.map((_, i) => makeVin('JTH', 'BE96S', 2007, String(8100 + i).padStart(7, '0')));
  fs.writeFileSync(file, ['VIN,Condition', ...SPELLINGS.map(([value], i) => `${vins[i]},${value}`)].join('\n'));

  const dry = cli(['import-vehicles', file, '--dry-run', '--db', db]);
  expect(dry.code).toBe(0);
  // Only values the app does not know are listed with what they were read as: none here.
  expect(said(dry)).not.toMatch(/Condition values read as/);
  expect(said(dry)).toContain(`${SPELLINGS.length} rows read: ${SPELLINGS.length} valid`);

  expect(cli(['import-vehicles', file, '--db', db]).code).toBe(0);
  const sqlite = new BetterSqlite3(db, { readonly: true });
  try {
    const stored = new Map(sqlite.prepare<[], [string, string | null]>('SELECT vin, condition FROM vehicles').raw(true).all());
    expect(SPELLINGS.map(([value], i) => [value, stored.get(vins[i]!)])).toEqual(SPELLINGS);
  } finally {
    sqlite.close();
  }
}, 120_000);

test('a value that is no condition is still named, read as unknown, and --condition maps it', () => {
  const db = tempDbPath();
  const file = path.join(tempDir(), 'stock.csv');
  fs.writeFileSync(file, ['VIN,Condition', `${makeVin('JTH', 'BE96S', 2007, '0008200')},Demo`].join('\n'));
  const dry = cli(['import-vehicles', file, '--dry-run', '--db', db]);
  expect([dry.code, said(dry)]).toEqual([0, expect.stringContaining('Condition values read as: Demo → unknown (1).')]);
  const mapped = cli(['import-vehicles', file, '--dry-run', '--condition', 'Demo=certified-pre-owned', '--db', db]);
  expect([mapped.code, said(mapped)]).toEqual([0, expect.stringContaining('Condition values read as: Demo → certified-pre-owned (1).')]);
}, 120_000);
