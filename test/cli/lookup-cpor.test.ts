// The vehicle's card in the terminal says where its CPOR request stands, as the window's card does
// (issue 16: each state is visible on the part, the vehicle's card and the hold report), and no longer
// asks the parts counter to order a key already requested.
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { existingDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const LC = 'JTHKPAAY4PA001234';

test('lookup: no request, the bulletin’s ordering step; requested, the CPOR line and the step given way; received, the same', () => {
  const db = existingDbPath();
  const before = run(db, 'lookup', LC, '--model', 'LC', '--produced', '12/22');
  expect(before.code).toBe(0);
  expect(before.stdout).not.toContain('  CPOR:');
  expect(before.stdout).toMatch(/ {4}- Order this VIN's key through CPOR/);

  expect(run(db, 'stock', 'order', '04002-33333', '1', '--vin', LC, '--by', 'Pat').code).toBe(0);
  const requested = run(db, 'lookup', LC, '--model', 'LC', '--produced', '12/22');
  expect(requested.stdout).toMatch(/\n {2}CPOR: {3}Key 04002-33333 to place in CPOR since \d{4}-\d{2}-\d{2} \(no CPOR reference yet\)\n/);
  expect(requested.stdout).not.toMatch(/Order this VIN's key through CPOR/);
  expect(requested.stdout).toContain('    - The key is requested: see CPOR above.');

  expect(run(db, 'stock', 'cpor', '1', '--ref', 'CP-9', '--by', 'Pat').code).toBe(0);
  expect(run(db, 'stock', 'receive', '04002-33333', '1', '--vin', LC, '--by', 'Pat').code).toBe(0);
  const received = run(db, 'lookup', LC, '--model', 'LC', '--produced', '12/22');
  expect(received.stdout).toMatch(/\n {2}CPOR: {3}Key 04002-33333 received \d{4}-\d{2}-\d{2}\n/);
  // The JSON answer is the lookup's, as it was.
  const json = JSON.parse(run(db, 'lookup', LC, '--model', 'LC', '--produced', '12/22', '--json').stdout);
  expect(json.campaigns.find((c: { code: string }) => c.code === '23LJ01').actions.join('\n')).toMatch(/through CPOR/);
}, 120_000);
