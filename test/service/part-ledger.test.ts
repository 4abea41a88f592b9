// A part's ledger as the Parts screen reads it (issue 16: 8,110 movements took 7.2 s to open): one read of
// only the columns the screen shows, each movement with its effect in words and whether it was reversed,
// newest first, the part's position beside it. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

async function clip(app: App) {
  await call(app, 'setPart', {
    campaign: 'BLC',
    part: '12345-67890',
    description: 'Carpet retainer clip',
    quantity: 1,
    released: true,
    perVin: false,
    by: 'Pat',
  });
}

describe("a part's ledger for the screen", () => {
  test('the shown columns only, newest first, effects and reversals as the history states them', async () => {
    const app = await testApp();
    await clip(app);
    const move = (kind: 'receive' | 'order' | 'use' | 'count', quantity: number, extra = {}) =>
      call(app, 'recordMovement', { kind, part: '12345-67890', quantity, by: 'Pat', ...extra });
    await move('order', 2, { expectedOn: '11/30/2026', ref: 'PO-1' });
    await move('receive', 3, { ref: 'INV-7' });
    const c = await move('count', 1);
    await call(app, 'reverseMovement', { id: c.movement.id, reason: 'wrong bin', by: 'Lee' });

    const l = await call(app, 'partLedger', { part: '12345-67890' });
    expect(l.part).toBe('12345-67890');
    expect(l.position).toEqual({ onHand: 3, onOrder: 0 });
    expect(l.movements).toEqual([
      {
        id: 4,
        at: '2026-11-23T12:00:00.000Z',
        kind: 'reverse',
        quantity: 1,
        partNumber: '12345-67890',
        vin: null,
        expectedOn: null,
        ref: 'wrong bin',
        by: 'Lee',
        effect: 'reverses movement 3: it no longer counts',
        reversed: false,
      },
      expect.objectContaining({ id: 3, kind: 'count', effect: 'reversed: does not count', reversed: true }),
      expect.objectContaining({ id: 2, kind: 'receive', ref: 'INV-7', effect: '+3 on hand, fills 2 on order', reversed: false }),
      expect.objectContaining({ id: 1, kind: 'order', expectedOn: '2026-11-30', ref: 'PO-1', effect: '+2 on order' }),
    ]);
    // Nothing the screen does not show travels (the appointment, the part key, the reversal's links).
    expect(Object.keys(l.movements[0]!).sort()).toEqual(['at', 'by', 'effect', 'expectedOn', 'id', 'kind', 'partNumber', 'quantity', 'ref', 'reversed', 'vin']);

    // The same effects as the full history (the CLI's `stock history`).
    const h = await call(app, 'stockHistory', { part: '12345-67890' });
    expect(l.movements.map((m) => [m.id, m.effect]).reverse()).toEqual(h.movements.map((m) => [m.id, m.effect]));
  });

  test("a per-VIN part's movements carry the VIN and the concrete number; an unknown part is refused", async () => {
    const app = await testApp();
    await call(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const l = await call(app, 'partLedger', { part: '04002-****' });
    expect(l.movements.map((m) => [m.kind, m.partNumber, m.vin, m.effect])).toEqual([
      ['receive', '04002-12345', LC, '+1 on hand, fills 1 on order'],
      ['order', '04002-12345', LC, '+1 on order'],
    ]);
    expect((await refusal(app, 'partLedger', { part: '99999-00000' })).code).toBe('not-found');
  });

  test('10,000 movements: all in one read, or a page of them (the screen draws the first page at once)', async () => {
    const app = await testApp();
    await clip(app);
    const insert = app.db.sqlite.prepare(
      "INSERT INTO stock_movements (part, part_number, kind, quantity, made_by, made_at) VALUES ('12345-67890', '12345-67890', ?, 1, 'Pat', ?)",
    );
    app.db.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(i % 2 ? 'use' : 'receive', '2026-11-20T08:00:00.000Z');
    })();
    const l = await call(app, 'partLedger', { part: '12345-67890' });
    expect(l.movements).toHaveLength(10_000);
    expect(l.movements[0]!.id).toBe(10_000);
    expect([l.total, l.offset]).toEqual([10_000, 0]);
    expect(l.position).toEqual({ onHand: 0, onOrder: 0 });
    const first = await call(app, 'partLedger', { part: '12345-67890', offset: 0, limit: 200 });
    expect([first.total, first.offset, first.movements.length, first.movements[0]!.id, first.movements.at(-1)!.id]).toEqual([10_000, 0, 200, 10_000, 9801]);
    expect(first.movements).toEqual(l.movements.slice(0, 200));
    const last = await call(app, 'partLedger', { part: '12345-67890', offset: 9900, limit: 500 });
    expect([last.offset, last.movements.length, last.movements[0]!.id, last.movements.at(-1)!.id]).toEqual([9900, 100, 100, 1]);
    expect(last.movements).toEqual(l.movements.slice(9900));
    // A page's effects are the whole ledger's: the oldest receipt still reads as the first one.
    expect(last.movements.at(-1)!.effect).toBe('+1 on hand');
    expect((await refusal(app, 'partLedger', { part: '12345-67890', offset: -1 })).code).toBe('invalid-input');
  });
});
