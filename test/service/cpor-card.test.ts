// The CPOR state of a vehicle's per-VIN part, as the vehicle's campaign card shows it (issue 16: "each
// state is visible on the part, the vehicle's card and the hold report"): to place, on order since DATE
// with the CPOR reference, received; the same words as the part and the hold report. Real SQLite files;
// the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { cporPhrase } from '../../shared/parts/wording';
import { call, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

/** The 23LJ01 list as TIS exports it, with its per-VIN part numbers. */
async function list(app: App) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

describe("a vehicle's CPOR state, for its card", () => {
  test('to place, on order since the reference was entered, received; nothing for a vehicle with no order', async () => {
    const app = await testApp();
    await list(app);
    expect((await call(app, 'vehicleCpor', { vin: LC })).parts).toEqual([]);
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
    const [order] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded;

    const card = async (vin = LC) => (await call(app, 'vehicleCpor', { vin })).parts;
    expect(await card()).toEqual([
      {
        campaign: '23LJ01',
        part: '04002-****',
        description: expect.stringMatching(/key/i),
        what: 'key',
        state: 'to-place',
        since: '2026-11-23T12:00:00.000Z',
        reference: null,
        partNumber: '04002-78010',
        listedNow: null,
      },
    ]);
    expect(cporPhrase((await card())[0]!, 'key')).toBe('key 04002-78010 to place in CPOR since 2026-11-23 (no CPOR reference yet)');
    expect(await card(LC2)).toEqual([]);

    await call(app, 'setCporReference', { id: order!.id, reference: 'CP-123', by: 'Pat' });
    const [placed] = await card();
    expect([placed!.state, placed!.reference]).toEqual(['on-order', 'CP-123']);
    expect(cporPhrase(placed!, placed!.what)).toBe('key 04002-78010 on order since 2026-11-23 (CPOR CP-123)');
    // The same words as the hold report's (main/reports) for the same vehicle.
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-78010', quantity: 1, vin: LC, by: 'Pat' });
    const [received] = await card();
    expect(received!.state).toBe('received');
    expect(cporPhrase(received!, received!.what)).toBe('key 04002-78010 received 2026-11-23');
  });

  test('a VIN that is not one is refused with the VIN rules’ words', async () => {
    const app = await testApp();
    expect((await refusal(app, 'vehicleCpor', { vin: 'JTHKPAAY4PA00123' })).code).toBe('invalid-vin');
  });
});
