// CPOR rules the mutation run found no test holding (main/parts/cpor.ts): a CPOR reference goes on an
// order for a vehicle only, and once. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { call, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

describe('a CPOR reference', () => {
  test('is refused on a receipt for a vehicle, and on an order that already has one', async () => {
    const app = await testApp();
    const r = await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const e = await refusal(app, 'setCporReference', { id: r.movement.id, reference: 'CP-1', by: 'Pat' });
    expect([e.code, e.message]).toEqual([
      'invalid-input',
      `Movement ${r.movement.id} is not a CPOR order for a vehicle: only an order with a VIN gets a CPOR reference.`,
    ]);
    const o = await call(app, 'recordMovement', { kind: 'order', part: '04002-****', quantity: 1, vin: LC2, by: 'Pat' });
    await call(app, 'setCporReference', { id: o.movement.id, reference: 'CP-2', by: 'Pat' });
    const twice = await refusal(app, 'setCporReference', { id: o.movement.id, reference: 'CP-3', by: 'Pat' });
    expect([twice.code, twice.message]).toEqual(['conflict', `Order ${o.movement.id} already has the CPOR reference CP-2.`]);
  });

  test('is refused on an order that was reversed: a cancelled request is not on order', async () => {
    const app = await testApp();
    const o = await call(app, 'recordMovement', { kind: 'order', part: '04002-****', quantity: 1, vin: LC, by: 'Pat' });
    const back = await call(app, 'reverseMovement', { id: o.movement.id, reason: 'accepted in error', by: 'Pat' });
    const e = await refusal(app, 'setCporReference', { id: o.movement.id, reference: 'CP-9', by: 'Pat' });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(`Order ${o.movement.id} was reversed`);
    expect(e.message).toContain(`movement ${back.movement.id}`);
    const requests = await call(app, 'cporRequests', {});
    expect(requests.requests.filter((r: { vin: string }) => r.vin === LC)).toEqual([]);
  });
});
