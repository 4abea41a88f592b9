// A part held per VIN is received for a vehicle up to its quantity per vehicle, counting what is on hand
// for it already (received and not used); and where the imported affected-VIN list gives the VIN's own
// number (VIN,Phase,Part Number,Status), only that number is ordered or received for it.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { call, importVinList, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const receive = (part: string) => ({ kind: 'receive' as const, part, quantity: 1, vin: LC, by: 'Pat' });

describe("a per-VIN part's receipts for a vehicle", () => {
  test('stop at its quantity per vehicle, counting what is on hand for it; once used, the next one is received', async () => {
    const app = await testApp();
    await call(app, 'recordMovement', receive('04002-12345'));
    const e = await refusal(app, 'recordMovement', receive('04002-12345'));
    expect([e.code, e.message]).toEqual([
      'conflict',
      `VIN ${LC} already has 1 on hand of 04002-12345 (1 per vehicle): receiving 1 more would make 2. If it is no longer on hand, record that first (stock use 04002-12345 1 --vin ${LC}, or a count).`,
    ]);
    expect((await call(app, 'stockHistory', { part: '04002-****' })).position.onHand).toBe(1);
    await call(app, 'recordMovement', { kind: 'use', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    expect((await call(app, 'recordMovement', receive('04002-12345'))).position.onHand).toBe(1);
  });

  test("are of the affected list's number for the VIN: another number is refused, naming the list's", async () => {
    const app = await testApp();
    await importVinList(app, '23LJ01', ['VIN,Phase,Part Number,Status', `${LC},1,04002-12345,Open`]);
    for (const kind of ['receive', 'order'] as const) {
      const e = await refusal(app, 'recordMovement', { ...receive('04002-99999'), kind });
      expect([e.code, e.message]).toEqual([
        'invalid-input',
        `The 23LJ01 affected-VIN list gives 04002-12345 for VIN ${LC}, not 04002-99999: ${kind} 04002-12345.`,
      ]);
    }
    expect((await call(app, 'stockHistory', { part: '04002-****' })).movements).toEqual([]);
    await call(app, 'recordMovement', { ...receive('04002-12345'), kind: 'order' });
    expect((await call(app, 'recordMovement', receive('04002-12345'))).movement.effect).toBe('+1 on hand, fills 1 on order');
    // A VIN the list gives no number for takes the number typed.
    expect((await call(app, 'recordMovement', { ...receive('04002-99999'), vin: LC2 })).position.onHand).toBe(1);
  });
});
