// Completing the repair records the part used (main/parts/ledger.ts receivedNumber), a rule the
// mutation run found no test holding: the key used is the number received for that vehicle
// (04002-12345 for the per-VIN 04002-****), so the ledger says which key went in.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { call, LC, TRAINED } from '../support/lane';
import { testApp } from '../support/tempdb';

describe('the part used when the work is completed', () => {
  test("is the vehicle's own number as received", async () => {
    const app = await testApp();
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    await call(app, 'addStaff', { name: 'Sam Service' });
    const a = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-23T13:00', model: 'LC', productionMonth: '2022-12' });
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    await call(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Sam Service', repairOrder: 'RO-1' });
    const h = await call(app, 'stockHistory', { part: '04002-****' });
    expect(h.movements.map((m) => [m.kind, m.partNumber, m.vin, m.quantity, m.ref])).toEqual([
      ['receive', '04002-12345', LC, 1, null],
      ['use', '04002-12345', LC, 1, 'RO-1'],
    ]);
  });
});
