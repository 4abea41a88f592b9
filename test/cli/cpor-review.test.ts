// A reviewer's day at the parts counter on the built CLI: `stock order --vin` of a per-VIN part is a
// request to place in CPOR, listed as ordered (not accepted) by its maker, and a receipt before its CPOR
// reference says so; `suggest --accept --vin` names a wrong check digit first, as `stock order` does.
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { existingDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const RX_ORDERED = 'JTJBAMCA9P2000124';

describe('the reviewer’s day at the parts counter', () => {
  test('stock order --vin: a request to place in CPOR, ordered by its maker; received before its reference: a warning', () => {
    const db = existingDbPath();
    const ordered = run(db, 'stock', 'order', '04002-33333', '1', '--vin', RX_ORDERED, '--by', 'Pat');
    expect([ordered.code, ordered.stdout.trimEnd().split('\n')]).toEqual([
      0,
      [
        `#1 order 1 04002-33333 for ${RX_ORDERED}: recorded as a request to place in CPOR (Service Lane), not placed yet. Now on hand 0, on order 1.`,
        'Place it in Service Lane, then enter the CPOR reference it gives: recall-desk stock cpor 1 --ref REFERENCE (on screen: Order suggestions, "To place in Service Lane").',
      ],
    ]);
    const toPlace = run(db, 'stock', 'to-place');
    expect(toPlace.stdout).toContain(`#1  key 04002-33333 for ${RX_ORDERED} (23LJ01): to place since `);
    expect(toPlace.stdout).toMatch(/, ordered by Pat\n/);
    expect(toPlace.stdout).not.toMatch(/accepted by/);
    // JSON keeps its fields; the request says how it was recorded.
    const json = JSON.parse(run(db, 'stock', 'to-place', '--json').stdout);
    expect(json.requests[0]).toMatchObject({ id: 1, acceptedBy: 'Pat', recordedAs: 'ordered', state: 'to-place' });

    const received = run(db, 'stock', 'receive', '04002-33333', '1', '--vin', RX_ORDERED, '--by', 'Pat');
    expect([received.code, received.stdout.trim()]).toEqual([
      0,
      `#2 receive 1 04002-33333 for ${RX_ORDERED}: +1 on hand, fills 1 on order. Now on hand 1, on order 0.`,
    ]);
    expect(received.stderr.trim()).toBe(
      `warning: Received before its CPOR reference was entered: order #1 for ${RX_ORDERED} was still to place. Enter the reference CPOR gave: recall-desk stock cpor 1 --ref REFERENCE.`,
    );
    // Entered afterwards, it is kept with the received key.
    const late = run(db, 'stock', 'cpor', '1', '--ref', 'CP-7', '--by', 'Pat');
    expect([late.code, late.stdout.trim()]).toEqual([0, `Order #1 for ${RX_ORDERED}: CPOR CP-7, received.`]);
  }, 120_000);

  test('suggest --accept --vin with a wrong check digit names the check digit, as stock order does', () => {
    const db = existingDbPath();
    const typo = 'JTHHP5AY0PA000001';
    const order = run(db, 'stock', 'order', '04002-33333', '1', '--vin', typo);
    expect(order.code).toBe(2);
    const because = order.stderr.trim().replace(`VIN ${typo}: `, '');
    expect(because).toMatch(/^the check digit \(position 9\) is "0", the rest of the VIN calls for "\w"\./);
    const r = run(db, 'suggest', '--accept', '--vin', typo, '--by', 'Pat');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`No order for VIN ${typo}: ${because}`);
  }, 60_000);
});
