// A VIN whose check digit does not match (JTHKPAAY0PA001234 for JTHKPAAY4PA001234: a typo) is booked
// with a warning naming it, never refused (some real VINs are check-digit exceptions); but no order or
// receipt is recorded for it, whichever path writes the ledger: a key is cut for one exact vehicle.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { ledgerOf } from '../../main/parts/service';
import { call, LC, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const TYPO = `${LC.slice(0, 8)}0${LC.slice(9)}`; // position 9 is "4" in LC

const book = (app: App, vin: string) =>
  call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });

describe('a VIN with a wrong check digit', () => {
  test('is booked with a warning naming it and what to do', async () => {
    const app = await testApp();
    const r = await book(app, TYPO);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^VIN ${TYPO}: the check digit does not match \\(position 9 is "0", the rest of the VIN calls for "4"\\): probably a typo; check the VIN`),
      ),
    ]);
    // The right VIN books with no such warning.
    expect((await book(app, LC)).warnings).toEqual([]);
  });

  test('gets a suggestion line that orders nothing and says why, and accepting records nothing for it', async () => {
    const app = await testApp();
    await book(app, TYPO);
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.vin === TYPO);
    expect(lines).toEqual([
      expect.objectContaining({
        campaign: '23LJ01',
        method: 'none',
        quantity: 0,
        reason: expect.stringMatching(/check digit does not match.*correct the VIN/),
      }),
    ]);
    const accepted = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [TYPO] });
    expect(accepted.recorded).toEqual([]);
    expect((await call(app, 'stockHistory', { part: '04002-****' })).movements).toEqual([]);
  });

  test('in stock on the affected list, gets a line that orders nothing and says why; the right VIN beside it is ordered', async () => {
    const app = await testApp();
    const content = `VIN,Phase\n${TYPO},1\n${LC},1\n`;
    const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: true });
    await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId! })).jobId);
    const v = await call(app, 'previewVehicles', { fileName: 'dms.csv', content: `VIN,Model\n${TYPO},LC\n${LC},LC\n`, inStock: 'add', mapping: {} });
    await app.jobs.wait((await call(app, 'commitImport', { importId: v.importId! })).jobId);
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.vin === TYPO || l.vin === LC);
    expect(lines.map((l) => [l.vin, l.method, l.quantity])).toEqual(
      expect.arrayContaining([
        [TYPO, 'none', 0],
        [LC, 'cpor', 1],
      ]),
    );
    expect(lines.find((l) => l.vin === TYPO)!.reason).toMatch(/^In stock.*check digit does not match.*correct the VIN/);
  });

  test('is refused an order or a receipt by the ledger itself', async () => {
    const app = await testApp();
    const row = {
      part: '04002-****',
      part_number: '04002-****',
      quantity: 1,
      vin: TYPO,
      expected_on: null,
      ref: null,
      appointment_id: null,
      reverses_id: null,
      made_by: 'Pat',
      made_at: '2026-11-23T12:00:00.000Z',
    };
    for (const kind of ['order', 'receive'] as const)
      expect(() => ledgerOf(app.db).record({ ...row, kind })).toThrow(/check digit \(position 9\) is "0", the rest of the VIN calls for "4"/);
    const e = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: TYPO, by: 'Pat' });
    expect(e.message).toMatch(/check digit/);
  });
});
