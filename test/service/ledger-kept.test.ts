// The whole-ledger fold kept in memory (main/parts/ledger.ts), rules the mutation run found no test
// holding: a write rolled back, and another process's movement recorded after it under the same id
// (SQLite gives the rolled-back id again), is folded as the movement now on record, not the one rolled
// back; movements of another process that reverse an older one are folded again from the start, and
// several of its movements at once are each counted once.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { ledgerOf } from '../../main/parts/service';
import { call } from '../support/lane';
import { testApp } from '../support/tempdb';

const CLIP = '12345-67890';

describe('the fold kept in memory', () => {
  test('a write rolled back, then another movement under the same id: the positions hold the new one only', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: CLIP, description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    await call(app, 'setStockingLevel', { part: CLIP, level: 5, by: 'Pat' });
    await call(app, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 5, by: 'Pat' });
    const ledger = ledgerOf(app.db);
    expect(ledger.positions().get(CLIP)?.onHand).toBe(5);
    const write = app.db.sqlite.transaction(() => {
      const id = ledger.record({
        part: CLIP,
        part_number: CLIP,
        kind: 'receive',
        quantity: 100,
        vin: null,
        expected_on: null,
        ref: null,
        appointment_id: null,
        reverses_id: null,
        made_by: 'Pat',
        made_at: '2026-11-23T12:00:00.000Z',
      });
      expect(ledger.positions().get(CLIP)?.onHand).toBe(105);
      throw new Error(`roll back ${id}`);
    });
    expect(() => write()).toThrow(/roll back/);
    // Another process on the same file records the next movement: this process's fold has not seen it.
    const other = await testApp({ dbPath: app.db.path });
    const used = await call(other, 'recordMovement', { kind: 'use', part: CLIP, quantity: 1, by: 'Pat' });
    expect(used.movement.id).toBe(2);
    expect(ledger.positions().get(CLIP)).toMatchObject({ onHand: 4, onOrder: 0 });
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC').map((l) => [l.quantity, l.reason])).toEqual([
      [1, '0 booked in the next 14 days + keep 5 on the shelf = 5; 4 on hand + 0 on order: order 1'],
    ]);
    expect((await call(app, 'stockHistory', { part: CLIP })).position.onHand).toBe(4);
  });

  test("another process's receipt and its reversal of an older movement, both new to this process: the reversed one no longer counts", async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: CLIP, description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    await call(app, 'setStockingLevel', { part: CLIP, level: 10, by: 'Pat' });
    const first = await call(app, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 5, by: 'Pat' });
    const stockLine = async () => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC').map((l) => l.reason);
    expect(await stockLine()).toEqual(['0 booked in the next 14 days + keep 10 on the shelf = 10; 5 on hand + 0 on order: order 5']);
    const other = await testApp({ dbPath: app.db.path });
    await call(other, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 2, by: 'Pat' });
    await call(other, 'reverseMovement', { id: first.movement.id, reason: 'counted twice', by: 'Pat' });
    expect(await stockLine()).toEqual(['0 booked in the next 14 days + keep 10 on the shelf = 10; 2 on hand + 0 on order: order 8']);
  });

  test("another process's movements, three at a time, are counted once, however often the positions are read again", async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: CLIP, description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    await call(app, 'setStockingLevel', { part: CLIP, level: 10, by: 'Pat' });
    await call(app, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 1, by: 'Pat' });
    const stockLine = async () => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC').map((l) => l.quantity);
    expect(await stockLine()).toEqual([9]);
    const other = await testApp({ dbPath: app.db.path });
    for (const quantity of [1, 2, 3]) await call(other, 'recordMovement', { kind: 'receive', part: CLIP, quantity, by: 'Pat' });
    expect(await stockLine()).toEqual([3]);
    expect(await stockLine()).toEqual([3]);
    await call(other, 'recordMovement', { kind: 'use', part: CLIP, quantity: 1, by: 'Pat' });
    await call(other, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 2, by: 'Pat' });
    await call(other, 'recordMovement', { kind: 'receive', part: CLIP, quantity: 1, by: 'Pat' });
    expect(await stockLine()).toEqual([1]);
    expect(await stockLine()).toEqual([1]);
  });
});
