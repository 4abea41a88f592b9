// CPOR as it works (issue 16): the per-VIN number from the imported 23LJ01 list, chosen lines accepted,
// requests "to place" until their CPOR reference is entered, then "on order", then received, on the part
// and the hold report; the ledger refuses a VIN with a wrong check digit and more than one per vehicle.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, importVehicles, LC, LC2, LC3, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const RX05 = 'JTJHA31U950123456';

/** The 23LJ01 list as TIS exports it, with its per-VIN part numbers. */
async function list(app: App) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,04002-78010,Open`, `${LC2},1,04002-78020,Open`, `${LC3},1,,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  expect(p.columns).toMatchObject({ vin: 'VIN', phase: 'Phase', partNumber: 'Part Number', status: 'Status' });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
}

const book = (app: App, vin: string, at: string) => call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at });

describe("the list's per-VIN part number", () => {
  test('is the number of the CPOR line and of the order recorded', async () => {
    const app = await testApp();
    await list(app);
    await book(app, LC, '2026-11-25T09:00');
    await book(app, LC3, '2026-11-25T10:00');
    const cpor = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(cpor.map((l) => [l.vin, l.partNumber, l.reason])).toEqual([
      [
        LC,
        '04002-78010',
        "Booked 2026-11-25 09:00 (remedy available); no CPOR order recorded: order 1 × 04002-78010 (the affected list's number for this VIN) through CPOR.",
      ],
      [LC3, '04002-****', expect.stringMatching(/order 1 through CPOR for this VIN \(per-VIN part number: CPOR gives it\)\.$/)],
    ]);
    const accepted = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
    expect(accepted.recorded.map((m) => [m.part, m.partNumber, m.vin, m.ref])).toEqual([
      ['04002-****', '04002-78010', LC, 'CPOR'],
      ['04002-****', '04002-****', LC3, 'CPOR'],
    ]);
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor')).toEqual([]);
  });
});

describe('only the chosen lines are accepted', () => {
  test('by campaign, by VIN, booked only', async () => {
    const app = await testApp();
    await list(app);
    await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S3,${LC3},2023,U`].join('\r\n'), 'add');
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    await book(app, LC, '2026-11-25T09:00');
    await book(app, LC2, '2026-11-26T09:00');
    const before = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.quantity > 0).map((l) => [l.campaign, l.vin]);
    expect(before).toEqual([
      ['23LJ01', LC],
      ['23LJ01', LC2],
      ['23LJ01', LC3],
      ['BLC', null],
    ]);
    const one = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC2] });
    expect(one.recorded.map((m) => m.vin)).toEqual([LC2]);
    const booked = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', bookedOnly: true });
    expect(booked.recorded.map((m) => m.vin)).toEqual([LC]); // LC3 is in stock, not booked; BLC's stock line has no vehicle
    const blc = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', campaign: 'BLC' });
    expect(blc.recorded.map((m) => [m.part, m.quantity])).toEqual([['12345-67890', 1]]);
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.quantity > 0).map((l) => l.vin)).toEqual([LC3]);
    expect((await refusal(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: ['JTHKPAAY4PA00123'] })).code).toBe('invalid-vin');
  });
});

describe('a CPOR request: to place, on order, received', () => {
  test('on the part and on the hold report, with the reference and the dates', async () => {
    const app = await testApp();
    await list(app);
    await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S1,${LC},2023,U`].join('\r\n'), 'add');
    const [order] = (await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded;
    const state = async () => (await call(app, 'listParts', {})).parts[0]!.perVinStock.find((s) => s.vin === LC)!.cpor;
    const holds = async () => (await call(app, 'holdReport', {})).holds.find((h) => h.vin === LC)!.parts;
    expect(await state()).toEqual({ state: 'to-place', since: '2026-11-23T12:00:00.000Z', reference: null, partNumber: '04002-78010', listedNow: null });
    expect(await holds()).toBe('key 04002-78010 to place in CPOR since 2026-11-23 (no CPOR reference yet)');
    const placed = await call(app, 'setCporReference', { id: order!.id, reference: 'CP-123', by: 'Pat' });
    expect(placed.state).toBe('on-order');
    expect(await holds()).toBe('key 04002-78010 on order since 2026-11-23 (CPOR CP-123)');
    expect((await refusal(app, 'setCporReference', { id: order!.id, reference: 'CP-9', by: 'Pat' })).message).toBe(
      `Order ${order!.id} already has the CPOR reference CP-123.`,
    );
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-78010', quantity: 1, vin: LC, by: 'Pat' });
    expect((await state())?.state).toBe('received');
    expect(await holds()).toBe('key 04002-78010 received 2026-11-23');
  });
});

describe('the ledger refuses what cannot be right for one vehicle', () => {
  test('a VIN with a wrong check digit, and more than the part quantity per vehicle', async () => {
    const app = await testApp();
    const wrong = `${LC.slice(0, 8)}X${LC.slice(9)}`;
    const e = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: wrong, by: 'Pat' });
    expect([e.code, e.message]).toEqual([
      'invalid-vin',
      expect.stringMatching(/^VIN JTHKPAAYXPA001234: the check digit \(position 9\) is "X", the rest of the VIN calls for "4"/),
    ]);
    const two = await refusal(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 2, vin: LC, by: 'Pat' });
    expect(two.message).toBe(`04002-12345 (23LJ01) is 1 per vehicle: order at most 1 for VIN ${LC}, not 2.`);
    expect((await refusal(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 2, vin: LC, by: 'Pat' })).message).toMatch(
      /is 1 per vehicle/,
    );
    await call(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    expect((await refusal(app, 'recordMovement', { kind: 'order', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' })).message).toBe(
      `VIN ${LC} already has 1 on order and 0 on hand of 04002-12345 (1 per vehicle): nothing more to order.`,
    );
    expect(app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(1);
  });
});

describe('the stock lookups kept between suggestions', () => {
  test('a vehicle added to stock, listed, or recorded as done is seen by the next suggestions', async () => {
    const app = await testApp();
    const cporVins = async () => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor').map((l) => l.vin);
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,U`].join('\r\n'), 'add');
    expect(await cporVins()).toEqual([LC]);
    await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S2,${LC2},2023,U`].join('\r\n'), 'add');
    expect(await cporVins()).toEqual([LC]); // not on a list yet, phase unknown
    await list(app);
    expect(await cporVins()).toEqual([LC, LC2]);
    await call(app, 'setVehicleCampaignStatus', { vin: LC, campaign: '23LJ01', status: 'completed-elsewhere' });
    expect(await cporVins()).toEqual([LC2]);
  });
});
