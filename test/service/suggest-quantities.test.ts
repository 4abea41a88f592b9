// Order suggestion rules the mutation run (npm run mutate) found no test holding (main/parts/suggest.ts):
// booked demand counts the part's quantity per vehicle (none stated: one), and so does a CPOR line; a booking that never arrived
// is not demand and its note stays off another vehicle's CPOR line; the horizon's last day is demand;
// a stock vehicle's line says "must" where the bulletin says to perform it before delivery; an
// unreleased part's line carries the bulletin's note; the stock looked up again when a part becomes per VIN.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { call, importVehicles, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

// Its check digit right (X): a part is ordered only for an exact VIN, and a booking of a typo is warned about.
const RX05 = 'JTJHA31UX50123456';
const RX05B = 'JTJHA31U250123457';
const RX05V = 'JTJHA31UX50123456'; // the check digit right: a part is received for it

const blcLines = async (app: App) => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC');

/** BLC with one released stock part, as the bulletin prints it (quantity as given). */
async function blcWithPart(app: App, quantity: number | null, perVin = false) {
  const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
  b.revisionDate = '2026-11-20';
  b.parts = [{ partNumber: '12345-67890', partNumberPerVin: perVin, description: 'Clip', quantity, macCode: null, released: true, note: null }];
  await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
}

describe('booked demand counts the quantity per vehicle', () => {
  test('two per vehicle: two booked vehicles need four, less what is on hand', async () => {
    const app = await testApp();
    await blcWithPart(app, 2);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    await call(app, 'bookAppointment', { vin: RX05B, campaigns: ['BLC'], at: '2026-11-26T08:00', model: 'RX 330' });
    expect((await blcLines(app)).map((l) => [l.method, l.quantity, l.reason])).toEqual([
      ['stock', 3, '4 booked in the next 14 days + keep 0 on the shelf = 4; 1 on hand + 0 on order: order 3'],
    ]);
  });

  test('on hand covers what is booked: the part has no line at all, only ALE says it has nothing to order', async () => {
    const app = await testApp();
    await blcWithPart(app, 2);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 2, by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    expect((await call(app, 'suggestOrders', {})).lines.map((l) => [l.key, l.method, l.quantity])).toEqual([['ALE||', 'none', 0]]);
  });

  test('a part whose bulletin states no quantity counts one per booked vehicle', async () => {
    const app = await testApp();
    await blcWithPart(app, null);
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    expect((await blcLines(app)).map((l) => [l.method, l.quantity, l.reason])).toEqual([
      ['stock', 1, '1 booked in the next 14 days + keep 0 on the shelf = 1; 0 on hand + 0 on order: order 1'],
    ]);
  });
});

describe('a booked appointment of an earlier day that never arrived', () => {
  test('is not demand: the vehicle gets no CPOR line, and another vehicle’s CPOR line does not carry the note', async () => {
    const app = await testApp();
    app.db.sqlite
      .prepare('INSERT INTO vehicles (vin, model, model_year, production_month, in_stock, updated_at) VALUES (?, ?, 2023, ?, 1, ?)')
      .run(LC2, 'LC', '2022-12', '2026-11-01T00:00:00Z');
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T12:00:00Z') });
    await call(early, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-21T09:00', model: 'LC', productionMonth: '2022-12' });
    await early.close();
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === '23LJ01');
    expect(lines.map((l) => [l.method, l.vin, l.reason])).toEqual([
      [
        'cpor',
        LC2,
        'In stock, Phase 1 launched: should have it before delivery; no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
      ],
    ]);
  });
});

describe('the horizon', () => {
  test('a vehicle booked on its last day is demand and "booked only" accepts its line; the day after is not', async () => {
    const app = await testApp();
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-12-07T16:00', model: 'LC', productionMonth: '2022-12' });
    await call(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01'], at: '2026-12-08T08:00', model: 'LC', productionMonth: '2022-12' });
    const lines = (await call(app, 'suggestOrders', { horizonDays: 14 })).lines.filter((l) => l.method === 'cpor');
    expect(lines.map((l) => [l.vin, l.bookedAt])).toEqual([[LC, '2026-12-07T16:00']]);
    const accepted = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', bookedOnly: true });
    expect(accepted.recorded.map((m) => [m.vin, m.ref])).toEqual([[LC, 'CPOR']]);
    expect((await call(app, 'suggestOrders', { horizonDays: 15 })).lines.filter((l) => l.method === 'cpor').map((l) => l.vin)).toEqual([LC2]);
  });
});

describe('what a stock vehicle’s CPOR line says', () => {
  test('a new vehicle under a bulletin that says "perform before delivery" must have it before delivery, as many as it takes', async () => {
    const app = await testApp();
    await blcWithPart(app, 2, true);
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `S9,${RX05},2005,RX 330,N`].join('\r\n'), 'add');
    expect((await blcLines(app)).map((l) => [l.method, l.vin, l.quantity, l.reason])).toEqual([
      [
        'cpor',
        RX05,
        2,
        'In stock #S9 (New), Follow-up notice launched: must have it before delivery; no CPOR order recorded: order 2 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
      ],
    ]);
  });

  test('a part held per VIN whose bulletin states no quantity: one per vehicle', async () => {
    const app = await testApp();
    await blcWithPart(app, null, true);
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `S9,${RX05},2005,RX 330,N`].join('\r\n'), 'add');
    expect((await blcLines(app)).map((l) => [l.method, l.vin, l.quantity])).toEqual([['cpor', RX05, 1]]);
  });

  test('two per vehicle, one received for the vehicle: it still gets its line; the second received: no line', async () => {
    const app = await testApp();
    await blcWithPart(app, 2, true);
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `S9,${RX05V},2005,RX 330,N`].join('\r\n'), 'add');
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, vin: RX05V, by: 'Pat' });
    expect((await blcLines(app)).map((l) => [l.method, l.vin])).toEqual([['cpor', RX05V]]);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, vin: RX05V, by: 'Pat' });
    expect(await blcLines(app)).toEqual([]);
  });

  test('a part not released yet: the bulletin’s note about it is in the line', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.parts = [
      { partNumber: '12345-67890', partNumberPerVin: false, description: 'Clip', quantity: 1, macCode: null, released: false, note: 'Expected in January.' },
    ];
    await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
    expect((await blcLines(app)).map((l) => [l.method, l.reason])).toEqual([['none', 'No order: 12345-67890 is not released yet. Expected in January.']]);
  });
});

describe('one CPOR line per vehicle', () => {
  test('a vehicle in stock that is also booked: one line, the booking’s', async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,U`].join('\r\n'), 'add');
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00' });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(lines.map((l) => [l.vin, l.source, l.bookedAt])).toEqual([[LC, 'booked', '2026-11-25T09:00']]);
  });

  test('a file from before one open appointment per VIN and campaign, the vehicle booked twice: one line, the first booking’s', async () => {
    const app = await testApp();
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });
    // The second booking as an older version recorded it (it refused nothing): the same rows again, a day later.
    const db = app.db.sqlite;
    const copy = db
      .prepare(
        "INSERT INTO appointments (vin, at, status, model, production_month, created_at, updated_at) SELECT vin, '2026-11-26T09:00', status, model, production_month, created_at, updated_at FROM appointments WHERE id = 1",
      )
      .run();
    db.prepare(
      'INSERT INTO appointment_campaigns (appointment_id, campaign_code, remedy_available) SELECT ?, campaign_code, remedy_available FROM appointment_campaigns WHERE appointment_id = 1',
    ).run(copy.lastInsertRowid);
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(lines.map((l) => [l.vin, l.bookedAt])).toEqual([[LC, '2026-11-25T09:00']]);
  });
});

describe('the stock vehicles looked up for the suggestions', () => {
  test('a part made per VIN after the suggestions were read: the vehicles in stock get their lines at the next call', async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `S9,${RX05V},2005,RX 330,N`].join('\r\n'), 'add');
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    expect(await blcLines(app)).toEqual([]);
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', perVin: true, by: 'Pat' });
    expect((await blcLines(app)).map((l) => [l.method, l.vin])).toEqual([['cpor', RX05V]]);
  });
});

describe('vehicles in stock under two campaigns held per VIN', () => {
  test('each campaign’s line is for its own vehicle and part', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: true, by: 'Pat' });
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,U`, `S9,${RX05V},2005,RX 330,,N`].join('\r\n'), 'add');
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(lines.map((l) => [l.campaign, l.partNumber, l.vin])).toEqual([
      ['23LJ01', '04002-****', LC],
      ['BLC', '12345-67890', RX05V],
    ]);
  });

  test('a campaign with a stock part beside its part held per VIN: the vehicle in stock still gets its line', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.parts = [
      { partNumber: '12345-67890', partNumberPerVin: false, description: 'Clip', quantity: 1, macCode: null, released: true, note: null },
      { partNumber: '12345-67891', partNumberPerVin: true, description: 'Cover', quantity: 1, macCode: null, released: true, note: null },
    ];
    await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
    await importVehicles(app, ['Stock #,VIN,Year,Model,New/Used', `S9,${RX05V},2005,RX 330,N`].join('\r\n'), 'add');
    expect((await blcLines(app)).map((l) => [l.method, l.partNumber, l.vin])).toEqual([['cpor', '12345-67891', RX05V]]);
  });

  test('a vehicle recorded as done has no line; reopened, its line is back', async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,U`].join('\r\n'), 'add');
    const cporVins = async () => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor').map((l) => l.vin);
    expect(await cporVins()).toEqual([LC]);
    await call(app, 'setVehicleCampaignStatus', { vin: LC, campaign: '23LJ01', status: 'completed-elsewhere' });
    expect(await cporVins()).toEqual([]);
    await call(app, 'setVehicleCampaignStatus', { vin: LC, campaign: '23LJ01', status: 'open' });
    expect(await cporVins()).toEqual([LC]);
  });
});
