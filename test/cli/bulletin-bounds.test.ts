// Every number of the bulletin format has a sane bound: a repair time of 1e308 minutes (the day plan
// then read "Infinity h"), a quantity of a billion keys or flat-rate hours of 1e308 are refused with a
// plain message naming the field, and the library is unchanged. Through the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { cli } from '../support/cli';
import { existingDbPath, tempDbPath, tempDir } from '../support/tempdb';

const lj = () => {
  const b = structuredClone(BUILT_IN_DOCUMENTS[2]) as Record<string, any>;
  b.revisionDate = '2024-06-30';
  return b;
};

function importDoc(doc: unknown, db: string) {
  const file = path.join(tempDir(), 'b.json');
  // JSON.stringify writes 1e308 as 1e+308: the file holds the number itself.
  fs.writeFileSync(file, JSON.stringify(doc));
  return cli(['import-bulletin', file, '--db', db]);
}

test.each([
  ['repairTimeMinutes', (b: any) => (b.repairTimeMinutes = 1e308), /repairTimeMinutes: must be at most 1,440 minutes \(24 hours\)/],
  ['parts quantity', (b: any) => (b.parts[0].quantity = 1e9), /parts\[0\]\.quantity: must be at most 100 per vehicle/],
  ['flat-rate hours', (b: any) => (b.opCodes[0].flatRateHours = 1e308), /opCodes\[0\]\.flatRateHours: must be at most 24 hours/],
  ['a fraction of a minute', (b: any) => (b.repairTimeMinutes = 1e-300), /repairTimeMinutes: must be at least 1 minute/],
])('%s out of bounds is refused in plain words; the library is unchanged', (_name, spoil, message) => {
  const db = tempDbPath();
  const b = lj();
  expect(b.opCodes.length).toBeGreaterThan(0);
  spoil(b);
  const r = importDoc(b, db);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/Infinity|e\+308|at Object|ZodError/);
  const list = JSON.parse(cli(['campaigns', '--json', '--db', db]).stdout);
  expect(list.find((c: { code: string }) => c.code === '23LJ01').revisionDate).toBe('2024-01-31');
});

test('the largest sane values are accepted', () => {
  const b = lj();
  b.repairTimeMinutes = 1440;
  b.parts[0].quantity = 100;
  b.opCodes[0].flatRateHours = 24;
  const r = importDoc(b, existingDbPath());
  // An import prints its impact on stderr (issue 15); nothing else.
  expect(r.stderr).toMatch(/^(Impact: [^\n]*\n)?$/);
  expect(r.code).toBe(0);
});
