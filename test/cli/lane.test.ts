// The service lane's commands as issue 16 pins them: `book` exit 2 cases, `appointment ID move`,
// `wait`, `followup --json` with the appointment and --booked / --not-booked. Real clock: times are
// days ahead of today.
import { describe, expect, test } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { LC, LC2 } from '../support/lane';
import { tempDir, tempDbPath } from '../support/tempdb';
import fs from 'node:fs';
import path from 'node:path';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const day = (n: number) => addDays(localIsoDate(new Date()), n);
const RX05 = 'JTJHA31U950123456';
const ALE_VIN = 'JTHBE96S170007930';

describe('recall-desk book, appointment move, wait, followup', () => {
  test('book: exit 2 for a second open appointment (naming it), a time in the past, and goodwill where none is offered', () => {
    const db = tempDbPath();
    const first = run(db, 'book', RX05, '--campaign', 'BLC', '--at', `${day(3)}T09:00`, '--model', 'RX 330', '--json');
    expect(first.code).toBe(0);
    const id = JSON.parse(first.stdout).id;
    const again = run(db, 'book', RX05, '--campaign', 'BLC', '--at', `${day(4)}T09:00`, '--model', 'RX 330');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`appointment ${id} on ${day(3)} 09:00`);
    const past = run(db, 'book', LC, '--campaign', '23LJ01', '--at', '2020-06-01T03:00', '--model', 'LC', '--produced', '2022-12');
    expect([past.code, past.stderr.split('\n')[0]]).toEqual([2, expect.stringMatching(/^2020-06-01 03:00 is in the past \(it is now /)]);
    const ale = run(db, 'book', ALE_VIN, '--campaign', 'ALE', '--at', `${day(3)}T10:00`, '--goodwill', 'Guest lost only key (Q13)');
    expect(ale.code).toBe(2);
    expect(ale.stderr).toMatch(/^The remedy is not available for this vehicle and its bulletin offers no goodwill for it/);

    const moved = run(db, 'appointment', String(id), 'move', '--at', `${day(5)}T08:00`);
    expect([moved.code, moved.stdout.trim()]).toEqual([0, `Appointment ${id}: moved to ${day(5)} 08:00.`]);
    expect(run(db, 'appointment', String(id), 'move').code).toBe(2);

    const wait = run(db, 'wait', ALE_VIN, '--campaign', 'ALE', '--by', 'Pat');
    expect([wait.code, wait.stdout.trim()]).toEqual([
      0,
      `${ALE_VIN} is on the waiting list for ALE: the follow-up list shows it, to call the guest when the remedy arrives.`,
    ]);
  }, 180_000);

  test('followup --json: each row has "appointment": null | {"id","at"}; --booked and --not-booked filter', () => {
    const db = tempDbPath();
    const file = path.join(tempDir(), 'dms.csv');
    fs.writeFileSync(
      file,
      [
        'VIN,Year,Model,Last Service,Customer,Phone',
        `${RX05},2005,RX 330,2026-10-01,Ann,555-0101`,
        'JTJHA31U250123457,2005,RX 330,2026-09-01,Bo,555-0102',
      ].join('\n'),
    );
    expect(run(db, 'import-vehicles', file).code).toBe(0);
    const id = JSON.parse(run(db, 'book', RX05, '--campaign', 'BLC', '--at', `${day(3)}T09:00`, '--model', 'RX 330', '--json').stdout).id;
    const all = JSON.parse(run(db, 'followup', '--json').stdout);
    expect(all.rows.map((r: { vin: string; appointment: unknown }) => [r.vin, r.appointment])).toEqual([
      [RX05, { id, at: `${day(3)}T09:00` }],
      ['JTJHA31U250123457', null],
    ]);
    expect(JSON.parse(run(db, 'followup', '--booked', '--json').stdout).rows.map((r: { vin: string }) => r.vin)).toEqual([RX05]);
    expect(JSON.parse(run(db, 'followup', '--not-booked', '--json').stdout).rows.map((r: { vin: string }) => r.vin)).toEqual(['JTJHA31U250123457']);
    expect(run(db, 'followup', '--booked', '--not-booked').code).toBe(2);
  }, 180_000);

  test("suggest --json gives the list's per-VIN number; --accept --vin / --campaign / --booked-only; stock --vin refusals; stock cpor", () => {
    const db = tempDbPath();
    const file = path.join(tempDir(), 'tis.csv');
    fs.writeFileSync(file, ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`].join('\n'));
    expect(run(db, 'import-vins', '23LJ01', file).code).toBe(0);
    expect(run(db, 'book', LC, '--campaign', '23LJ01', '--at', `${day(3)}T09:00`).code).toBe(0);
    expect(run(db, 'book', LC2, '--campaign', '23LJ01', '--at', `${day(3)}T10:00`).code).toBe(0);
    const lines = JSON.parse(run(db, 'suggest', '--json').stdout).lines.filter((l: { method: string }) => l.method === 'cpor');
    expect(lines.map((l: { vin: string; partNumber: string }) => [l.vin, l.partNumber])).toEqual([
      [LC, '04002-78010'],
      [LC2, '04002-78020'],
    ]);
    expect(run(db, 'suggest', '--vin', LC).code).toBe(2); // a choice of lines without --accept
    const one = run(db, 'suggest', '--accept', '--campaign', '23LJ01', '--vin', LC2, '--booked-only', '--by', 'Pat', '--json');
    expect(one.code).toBe(0);
    const history = JSON.parse(run(db, 'stock', 'history', '04002-****', '--json').stdout).movements;
    expect(history.map((m: { vin: string; partNumber: string }) => [m.vin, m.partNumber])).toEqual([[LC2, '04002-78020']]);
    const placed = run(db, 'stock', 'cpor', String(history[0].id), '--ref', 'CP-77');
    expect([placed.code, placed.stdout.trim()]).toEqual([0, `Order #${history[0].id} for ${LC2}: CPOR CP-77, on order.`]);
    const wrongDigit = run(db, 'stock', 'order', '04002-78010', '1', '--vin', `${LC.slice(0, 8)}X${LC.slice(9)}`);
    expect([wrongDigit.code, wrongDigit.stderr]).toEqual([2, expect.stringMatching(/the check digit \(position 9\) is "X"/)]);
    const two = run(db, 'stock', 'receive', '04002-78010', '2', '--vin', LC);
    expect([two.code, two.stderr.split('\n')[0]]).toEqual([2, `04002-78010 (23LJ01) is 1 per vehicle: receive at most 1 for VIN ${LC}, not 2.`]);
  }, 180_000);
});
