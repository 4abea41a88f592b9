// A per-VIN part is ordered or received only for a vehicle its campaign may cover: the VIN's own lookup
// (the one booking asks) must give the part's campaign. A Honda gets no 23LJ01 key.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { call, LC, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const HONDA = '1HGCM82633A004352';

describe('a per-VIN part for a VIN its campaign does not cover', () => {
  test('is refused an order and a receipt, with the reason booking gives; the Lexus it is for is not', async () => {
    const app = await testApp();
    const booked = await refusal(app, 'bookAppointment', { vin: HONDA, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
    for (const [kind, part] of [
      ['order', '04002-****'],
      ['receive', '04002-12345'],
    ] as const) {
      const e = await refusal(app, 'recordMovement', { kind, part, quantity: 1, vin: HONDA, by: 'Pat' });
      expect([e.code, e.message, e.details]).toEqual([
        'invalid-input',
        `23LJ01 does not cover ${HONDA} by the library's rules: check the VIN and the campaign.`,
        ['Campaigns that may apply: none.'],
      ]);
      expect(e.message).toBe(booked.message);
    }
    expect((await call(app, 'stockHistory', { part: '04002-****' })).movements).toEqual([]);
    expect((await call(app, 'recordMovement', { kind: 'order', part: '04002-****', quantity: 1, vin: LC, by: 'Pat' })).position.onOrder).toBe(1);
  });
});
