// A stock movement's answer (the movement with what it did, and the position after it) is what the
// part's ledger says afterwards, whatever came before: orders filled by a receipt, a count, a use, a
// reversal, another process's movement, and a write refused half-way. The write reads the position
// from the ledger's fold kept in memory (not the part's whole history again): this holds it to the
// ledger read from the start.
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { call, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const PART = '12345-67890';

test("each movement's answer is the ledger's own effect and position, through orders, a count, a reversal and another process's write", async () => {
  const app = await testApp();
  await call(app, 'setPart', { campaign: 'BLC', part: PART, description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
  const steps = [
    { kind: 'order', quantity: 5, expectedOn: '2026-12-01' },
    { kind: 'order', quantity: 2 },
    { kind: 'receive', quantity: 6 },
    { kind: 'use', quantity: 4 },
    { kind: 'count', quantity: 7 },
    'reverse-first-order',
    { kind: 'receive', quantity: 1 },
    'another-process',
    { kind: 'return', quantity: 2 },
    'refused-use',
    { kind: 'use', quantity: 3 },
  ] as const;
  for (const step of steps) {
    if (step === 'reverse-first-order') {
      const first = (await call(app, 'stockHistory', { part: PART })).movements[0]!;
      await call(app, 'reverseMovement', { id: first.id, reason: 'never arrived', by: 'Pat' });
      continue;
    }
    if (step === 'another-process') {
      // The CLI on the same file: a receipt this process did not write.
      const other = new BetterSqlite3(app.db.path);
      other
        .prepare(
          `INSERT INTO stock_movements (part, part_number, kind, quantity, vin, expected_on, ref, appointment_id, reverses_id, made_by, made_at)
           VALUES (?, ?, 'receive', 3, NULL, NULL, NULL, NULL, NULL, 'Sam', '2026-11-23T12:00:00.000Z')`,
        )
        .run(PART, PART);
      other.close();
      continue;
    }
    if (step === 'refused-use') {
      expect((await refusal(app, 'recordMovement', { kind: 'use', part: PART, quantity: 999, by: 'Pat' })).code).toBe('conflict');
      continue;
    }
    const answer = await call(app, 'recordMovement', { ...step, part: PART, by: 'Pat' });
    const ledger = await call(app, 'stockHistory', { part: PART });
    // The history's line is the movement with where its CPOR request stands (none for a shelf part).
    const { cpor, cporReference, ...line } = ledger.movements.find((m) => m.id === answer.movement.id)!;
    expect([cpor, cporReference]).toEqual([null, null]);
    expect(answer.movement).toEqual(line);
    expect(answer.position).toEqual({ part: PART, vin: null, onHand: ledger.position.onHand, onOrder: ledger.position.onOrder });
  }
  // The whole walk, as the ledger adds it up: 5+2 ordered (the 5 reversed), 6 received, 4 used, counted 7, +1, +3 elsewhere, +2 returned, 3 used.
  expect((await call(app, 'stockHistory', { part: PART })).position).toMatchObject({ onHand: 10, onOrder: 0 });
});
