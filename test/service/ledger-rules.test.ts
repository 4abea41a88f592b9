// The stock ledger's fold (main/parts/ledger.ts) as the counter sees it: receipts fill open orders oldest
// first and no further, a count sets on hand, a reversed movement no longer counts, and the positions kept
// between suggestions follow every movement. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { ledgerOf } from '../../main/parts/service';
import { call, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

const CLIP = '12345-67890';
const HOOK = '12345-67891';

async function part(app: App, number: string, description: string, level: number) {
  await call(app, 'setPart', { campaign: 'BLC', part: number, description, quantity: 1, released: true, perVin: false, by: 'Pat' });
  await call(app, 'setStockingLevel', { part: number, level, by: 'Pat' });
}
const move = (app: App, kind: 'receive' | 'order' | 'use' | 'return' | 'count', quantity: number, p = CLIP) =>
  call(app, 'recordMovement', { kind, part: p, quantity, by: 'Pat' });
const effects = async (app: App, p = CLIP) => (await call(app, 'stockHistory', { part: p })).movements.map((m) => m.effect);

describe('what each movement does to the stock', () => {
  test('a receipt fills the open orders oldest first, across orders, never more than is open; a count sets on hand', async () => {
    const app = await testApp();
    await part(app, CLIP, 'Carpet retainer clip', 0);
    await move(app, 'order', 2);
    await move(app, 'order', 3);
    expect((await move(app, 'receive', 4)).position).toEqual({ part: CLIP, vin: null, onHand: 4, onOrder: 1 });
    expect((await move(app, 'receive', 2)).position).toEqual({ part: CLIP, vin: null, onHand: 6, onOrder: 0 });
    expect((await move(app, 'receive', 1)).position).toEqual({ part: CLIP, vin: null, onHand: 7, onOrder: 0 });
    expect((await move(app, 'count', 5)).position).toEqual({ part: CLIP, vin: null, onHand: 5, onOrder: 0 });
    expect((await move(app, 'order', 1)).position).toEqual({ part: CLIP, vin: null, onHand: 5, onOrder: 1 });
    expect(await effects(app)).toEqual([
      '+2 on order',
      '+3 on order',
      '+4 on hand, fills 4 on order',
      '+2 on hand, fills 1 on order',
      '+1 on hand',
      'counted 5 on hand (was 7)',
      '+1 on order',
    ]);
    expect((await call(app, 'stockHistory', { part: CLIP })).position).toEqual({ part: CLIP, vin: null, onHand: 5, onOrder: 1 });
    // Shelf stock is the part's own: no vehicle's stock appears beside it on the parts screen.
    const listed = (await call(app, 'listParts', {})).parts.find((p) => p.partNumber === CLIP)!;
    expect([listed.onHand, listed.onOrder, listed.perVinStock]).toEqual([5, 1, []]);
  });

  test('a receipt fills the first order exactly, then the next order is filled by the next receipt', async () => {
    const app = await testApp();
    await part(app, CLIP, 'Carpet retainer clip', 0);
    await move(app, 'order', 2);
    await move(app, 'order', 2);
    expect((await move(app, 'receive', 2)).position.onOrder).toBe(2);
    expect((await move(app, 'receive', 3)).position).toEqual({ part: CLIP, vin: null, onHand: 5, onOrder: 0 });
    expect((await effects(app)).slice(2)).toEqual(['+2 on hand, fills 2 on order', '+3 on hand, fills 2 on order']);
  });

  test('a reversed order is no longer on order: a later receipt fills nothing', async () => {
    const app = await testApp();
    await part(app, CLIP, 'Carpet retainer clip', 0);
    const o = await move(app, 'order', 2);
    expect((await call(app, 'reverseMovement', { id: o.movement.id, reason: 'typed twice', by: 'Pat' })).position).toEqual({
      part: CLIP,
      vin: null,
      onHand: 0,
      onOrder: 0,
    });
    expect((await move(app, 'receive', 1)).position).toEqual({ part: CLIP, vin: null, onHand: 1, onOrder: 0 });
    expect(await effects(app)).toEqual(['reversed: does not count', `reverses movement ${o.movement.id}: it no longer counts`, '+1 on hand']);
  });
});

describe('a part held per VIN', () => {
  test("the part's totals are every vehicle's together, each vehicle's stock beside them", async () => {
    const app = await testApp();
    const key = { part: '04002-12345', quantity: 1, by: 'Pat' };
    await call(app, 'recordMovement', { kind: 'order', ...key, vin: LC });
    await call(app, 'recordMovement', { kind: 'order', ...key, vin: LC2 });
    await call(app, 'recordMovement', { kind: 'receive', ...key, vin: LC2 });
    const listed = (await call(app, 'listParts', {})).parts.find((p) => p.partNumber === '04002-****')!;
    expect([listed.onHand, listed.onOrder]).toEqual([1, 1]);
    expect(listed.perVinStock.map((v) => [v.vin, v.onHand, v.onOrder])).toEqual([
      [LC, 0, 1],
      [LC2, 1, 0],
    ]);
  });
});

describe('the positions kept between suggestions', () => {
  test('follow each movement of one part without counting the other parts twice', async () => {
    const app = await testApp();
    await part(app, CLIP, 'Carpet retainer clip', 1);
    await part(app, HOOK, 'Carpet hook', 2);
    const stock = async () => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'stock').map((l) => [l.partNumber, l.quantity]);
    expect(await stock()).toEqual([
      [CLIP, 1],
      [HOOK, 2],
    ]);
    await move(app, 'receive', 1, HOOK);
    expect(await stock()).toEqual([
      [CLIP, 1],
      [HOOK, 1],
    ]);
    await move(app, 'receive', 1, CLIP);
    expect(await stock()).toEqual([[HOOK, 1]]);
    await move(app, 'order', 1, HOOK);
    expect(await stock()).toEqual([]);
    await move(app, 'use', 1, CLIP);
    expect(await stock()).toEqual([[CLIP, 1]]);
  });
});

describe('the fold kept in memory', () => {
  test('a write rolled back, with nothing recorded after it, is gone from the positions', async () => {
    const app = await testApp();
    await part(app, CLIP, 'Carpet retainer clip', 0);
    await move(app, 'receive', 5);
    const ledger = ledgerOf(app.db);
    expect(ledger.positions().get(CLIP)?.onHand).toBe(5);
    const phantom = { part: CLIP, part_number: CLIP, kind: 'receive' as const, quantity: 100, vin: null, expected_on: null, ref: null };
    const write = app.db.sqlite.transaction(() => {
      ledger.record({ ...phantom, appointment_id: null, reverses_id: null, made_by: 'Pat', made_at: '2026-11-23T12:00:00.000Z' });
      expect(ledger.positions().get(CLIP)?.onHand).toBe(105);
      throw new Error('roll back');
    });
    expect(() => write()).toThrow('roll back');
    expect(ledger.positions().get(CLIP)?.onHand).toBe(5);
    expect((await call(app, 'stockHistory', { part: CLIP })).position.onHand).toBe(5);
  });
});
