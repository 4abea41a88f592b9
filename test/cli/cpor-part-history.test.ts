// A per-VIN part's history and figures in the terminal tell a CPOR request "to place" (accepted, no
// reference yet) from "on order" (its CPOR reference entered), in the words of the part's window and
// the vehicle's card (cporSentence / cporPhrase), and name the reference once entered; a concrete number
// of the pattern lists that number's movements only. The built CLI on a real database file; real clock.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { LC, LC2, LC3 } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const LC4 = makeVin('JTH', 'KPAAY', 2023, 'A001237');
const KEYS: [string, string][] = [
  [LC, '04002-78010'],
  [LC2, '04002-78020'],
  [LC3, '04002-78030'],
  [LC4, '04002-78040'],
];
const DAY = '\\d{4}-\\d\\d-\\d\\d';

test('stock history and parts: to place vs on order, the CPOR reference, and one number of the pattern', () => {
  const db = tempDbPath();
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'tis.csv'), ['VIN,Phase,Part Number,Status', ...KEYS.map(([v, n]) => `${v},1,${n},Open`)].join('\n'));
  fs.writeFileSync(path.join(dir, 'dms.csv'), ['Stock #,VIN,Year,New/Used', ...KEYS.map(([v], i) => `S${i},${v},2023,U`)].join('\r\n'));
  expect(run(db, 'import-vins', '23LJ01', path.join(dir, 'tis.csv')).code).toBe(0);
  expect(run(db, 'import-vehicles', path.join(dir, 'dms.csv'), '--stock', 'add').code).toBe(0);
  expect(run(db, 'suggest', '--accept', '--by', 'Pat').code).toBe(0);
  const requests = JSON.parse(run(db, 'stock', 'to-place', '--json').stdout).requests as { id: number; vin: string }[];
  expect(requests).toHaveLength(4);
  const placed = requests.find((r) => r.vin === LC2)!;
  expect(run(db, 'stock', 'cpor', String(placed.id), '--ref', 'CP-0001', '--by', 'Sam').code).toBe(0);

  // The pattern's whole history: each request says its own state; the reference once entered.
  const history = run(db, 'stock', 'history', '04002-****');
  expect(history.code).toBe(0);
  const lines = history.stdout.trim().split('\n');
  expect(lines[0]).toBe('04002-****: on hand 0, 3 requests to place, 1 on order');
  const orders = lines.slice(1);
  expect(orders).toHaveLength(4);
  for (const [vin, number] of KEYS) {
    const line = orders.find((l) => l.includes(`VIN ${vin}`))!;
    expect(line).toMatch(
      vin === LC2
        ? new RegExp(`→ key ${number} on order since ${DAY} \\(CPOR CP-0001\\)$`)
        : new RegExp(`→ key ${number} to place in CPOR since ${DAY} \\(no CPOR reference yet\\)$`),
    );
    // The placeholder the ledger keeps until a reference is entered is no reference.
    expect(line).not.toMatch(/ {2}CPOR {2}/);
    expect(line).not.toContain('+1 on order');
  }

  // A concrete number of the pattern: that number's movements only, and its own figures.
  const one = run(db, 'stock', 'history', '04002-78020').stdout.trim().split('\n');
  expect(one[0]).toBe('04002-78020: on hand 0, 0 requests to place, 1 on order');
  expect(one.slice(1)).toHaveLength(1);
  expect(one[1]).toMatch(new RegExp(`^#${placed.id} .* VIN ${LC2} .*→ key 04002-78020 on order since ${DAY} \\(CPOR CP-0001\\)$`));
  const other = run(db, 'stock', 'history', '04002-78030').stdout.trim().split('\n');
  expect(other[0]).toBe('04002-78030: on hand 0, 1 request to place');
  expect(other.slice(1).map((l) => l.includes(`VIN ${LC3}`))).toEqual([true]);

  // The parts list: the key's figures and each vehicle's request, as the part's window says them.
  const parts = run(db, 'parts').stdout.split('\n');
  const at = parts.findIndex((l) => l.startsWith('23LJ01  04002-****'));
  expect(parts[at + 1]).toMatch(/^ {2}level 0 {2}on hand 0 {2}3 requests to place, 1 on order$/);
  const perVin = parts.slice(at + 2, at + 6);
  for (const [vin, number] of KEYS)
    expect(perVin).toContainEqual(
      expect.stringMatching(
        vin === LC2
          ? new RegExp(`^ {2}VIN ${vin}: on hand 0, on order 1: Key ${number} on order since ${DAY} \\(CPOR CP-0001\\)$`)
          : new RegExp(`^ {2}VIN ${vin}: on hand 0, on order 1: Key ${number} to place in CPOR since ${DAY} \\(no CPOR reference yet\\)$`),
      ),
    );
}, 180_000);
