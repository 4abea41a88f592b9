// `stock to-place`: the accepted CPOR requests still to place in Service Lane, any time after they were
// accepted, each with the order number `stock cpor ID --ref` takes; `--all` adds those on order; `--json`
// is the API's answer. Real clock: bookings are days ahead of today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addDays, dateTimeText, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { LC, LC2 } from '../support/lane';
import { tempDbPath, tempDir } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const day = (n: number) => addDays(localIsoDate(new Date()), n);

describe('recall-desk stock to-place', () => {
  test('lists the requests to place until their reference is entered, then --all shows them on order', () => {
    const db = tempDbPath();
    expect(run(db, 'stock', 'to-place').stdout.trim()).toBe('No CPOR request to place: every accepted request has its CPOR reference.');
    const file = path.join(tempDir(), 'tis.csv');
    fs.writeFileSync(file, ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`].join('\n'));
    expect(run(db, 'import-vins', '23LJ01', file).code).toBe(0);
    expect(run(db, 'book', LC, '--campaign', '23LJ01', '--at', `${day(3)}T09:00`).code).toBe(0);
    expect(run(db, 'book', LC2, '--campaign', '23LJ01', '--at', `${day(3)}T10:00`).code).toBe(0);
    expect(run(db, 'suggest', '--accept', '--by', 'Pat').code).toBe(0);

    // Later, in another process: both requests, with the order numbers to enter references against.
    const json = JSON.parse(run(db, 'stock', 'to-place', '--json').stdout);
    expect(json).toMatchObject({ toPlace: 2, onOrder: 0 });
    const [first, second] = json.requests as { id: number; vin: string; acceptedAt: string }[];
    expect([first!.vin, second!.vin]).toEqual([LC, LC2]);
    const since = dateTimeText(first!.acceptedAt);
    const text = run(db, 'stock', 'to-place');
    expect([text.code, text.stdout.trim().split('\n')]).toEqual([
      0,
      [
        '2 requests to place:',
        `#${first!.id}  key 04002-78010 for ${LC} (23LJ01): to place since ${since}, accepted by Pat`,
        `#${second!.id}  key 04002-78020 for ${LC2} (23LJ01): to place since ${since}, accepted by Pat`,
        '',
        'Enter a reference: recall-desk stock cpor ID --ref REFERENCE',
      ],
    ]);

    expect(run(db, 'stock', 'cpor', String(second!.id), '--ref', 'CP-88', '--by', 'Sam').stdout.trim()).toBe(
      `Order #${second!.id} for ${LC2}: CPOR CP-88, on order.`,
    );
    const left = run(db, 'stock', 'to-place').stdout.trim().split('\n');
    expect(left.slice(0, 2)).toEqual([
      '1 request to place, 1 on order:',
      `#${first!.id}  key 04002-78010 for ${LC} (23LJ01): to place since ${since}, accepted by Pat`,
    ]);
    const all = run(db, 'stock', 'to-place', '--all').stdout.trim().split('\n');
    expect(all[2]).toMatch(new RegExp(`^#${second!.id}  key 04002-78020 for ${LC2} \\(23LJ01\\): on order since .+ \\(CPOR CP-88, entered by Sam\\)$`));
  }, 180_000);
});
