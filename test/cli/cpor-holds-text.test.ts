// `recall-desk holds` in the terminal says where a held vehicle's per-VIN part stands, in the very words
// of the hold report's JSON, CSV and PDF ("key 04002-78010 to place in CPOR since ...", then "on order
// since ... (CPOR CP-0001)"). The built CLI on a real database file; real clock.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { LC } from '../support/lane';
import { tempDbPath, tempDir } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);

test("the holds text names the vehicle's CPOR state under its hold: to place, then on order with its reference", () => {
  const db = tempDbPath();
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'tis.csv'), ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`].join('\n'));
  fs.writeFileSync(path.join(dir, 'dms.csv'), ['Stock #,VIN,Year,New/Used', `S1,${LC},2023,U`].join('\r\n'));
  expect(run(db, 'import-vins', '23LJ01', path.join(dir, 'tis.csv')).code).toBe(0);
  expect(run(db, 'import-vehicles', path.join(dir, 'dms.csv'), '--stock', 'add').code).toBe(0);
  expect(run(db, 'suggest', '--accept', '--by', 'Pat').code).toBe(0);

  const stateOf = () => {
    const report = JSON.parse(run(db, 'holds', '--json').stdout) as { holds: { vin: string; code: string; parts: string | null }[] };
    return report.holds.find((h) => h.vin === LC && h.code === '23LJ01')!.parts!;
  };
  const toPlace = stateOf();
  expect(toPlace).toMatch(/^key 04002-78010 to place in CPOR since \d{4}-\d\d-\d\d \(no CPOR reference yet\)$/);
  const text = run(db, 'holds').stdout.split('\n');
  // The vehicle's line, its hold, then where its key stands.
  const at = text.findIndex((l) => l.startsWith(`S1  ${LC}`));
  expect(text[at + 1]).toMatch(/^ {2}23LJ01: Deliver only with the disclosure form/);
  expect(text[at + 2]).toBe(`  ${toPlace}`);

  const [request] = JSON.parse(run(db, 'stock', 'to-place', '--json').stdout).requests as { id: number }[];
  expect(run(db, 'stock', 'cpor', String(request!.id), '--ref', 'CP-0001', '--by', 'Pat').code).toBe(0);
  const onOrder = stateOf();
  expect(onOrder).toMatch(/^key 04002-78010 on order since \d{4}-\d\d-\d\d \(CPOR CP-0001\)$/);
  const after = run(db, 'holds').stdout.split('\n');
  expect(after[after.findIndex((l) => l.startsWith(`S1  ${LC}`)) + 2]).toBe(`  ${onOrder}`);
}, 120_000);
