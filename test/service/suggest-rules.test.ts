// Order suggestion rules no scenario held yet (main/parts/suggest.ts): goodwill bookings, several
// appointments that never arrived, a released part without a number, a per-VIN part already received
// (and a receipt reversed), stock vehicles the record says little about or whose VIN does not decode,
// and entering a CPOR reference on what is not a CPOR order. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { call, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const RX05 = 'JTJHA31U950123456';
const RX05B = 'JTJHA31U250123457';
const cpor = async (app: App) => (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');

function inStock(app: App, vin: string, fields: { model?: string; productionMonth?: string } = {}) {
  app.db.sqlite
    .prepare('INSERT INTO vehicles (vin, model, model_year, production_month, in_stock, updated_at) VALUES (?, ?, 2023, ?, 1, ?)')
    .run(vin, fields.model ?? null, fields.productionMonth ?? null, '2026-11-01T00:00:00Z');
}

describe('booked vehicles', () => {
  test('a vehicle booked as goodwill gets its CPOR line, which says it is goodwill and why', async () => {
    const app = await testApp();
    await call(app, 'bookAppointment', {
      vin: LC,
      campaigns: ['23LJ01'],
      at: '2026-11-30T09:00',
      model: 'LC',
      productionMonth: '2022-11',
      goodwill: 'lost the only key',
    });
    expect((await cpor(app)).map((l) => [l.vin, l.reason])).toEqual([
      [
        LC,
        'Booked 2026-11-30 09:00 (booked as goodwill: lost the only key); no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
      ],
    ]);
  });

  test('two appointments of earlier days that never arrived: not counted, and the line says "them"', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    await call(app, 'setStockingLevel', { part: '12345-67890', level: 1, by: 'Pat' });
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T12:00:00Z') });
    await call(early, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-21T08:00', model: 'RX 330' });
    await call(early, 'bookAppointment', { vin: RX05B, campaigns: ['BLC'], at: '2026-11-22T08:00', model: 'RX 330' });
    await early.close();
    const line = (await call(app, 'suggestOrders', {})).lines.find((l) => l.campaign === 'BLC')!;
    expect([line.quantity, line.reason]).toEqual([
      1,
      '0 booked in the next 14 days + keep 1 on the shelf = 1; 0 on hand + 0 on order: order 1 (not counted: 2 appointments booked before today that never arrived; mark them arrived, no-show or cancelled)',
    ]);
  });
});

describe('parts that cannot be ordered', () => {
  test('a part the bulletin marks released but gives no number for: no order, its number is not released yet', async () => {
    const app = await testApp();
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === 'BLC')) as Record<string, any>;
    b.revisionDate = '2026-11-20';
    b.parts = [{ partNumber: null, partNumberPerVin: null, description: 'Carpet cover', quantity: 1, macCode: null, released: true, note: null }];
    await call(app, 'importBulletin', { fileName: 'BLC.json', content: JSON.stringify(b) });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC');
    expect(lines).toEqual([
      {
        key: 'BLC||',
        campaign: 'BLC',
        partNumber: null,
        part: null,
        method: 'none',
        quantity: 0,
        vin: null,
        reason: 'No order: part number not yet released.',
        source: null,
        bookedAt: null,
      },
    ]);
  });
});

describe('a per-VIN part already there', () => {
  test('received for a booked vehicle without an order on record: no CPOR line; the receipt reversed: the line is back', async () => {
    const app = await testApp();
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });
    expect((await cpor(app)).map((l) => l.vin)).toEqual([LC]);
    const r = await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    expect(await cpor(app)).toEqual([]);
    await call(app, 'reverseMovement', { id: r.movement.id, reason: 'the key was for another car', by: 'Pat' });
    expect((await cpor(app)).map((l) => l.vin)).toEqual([LC]);
  });
});

describe('vehicles in stock', () => {
  test('without a stock number or a condition: the line says what is known, and "should" have it before delivery', async () => {
    const app = await testApp();
    inStock(app, LC, { model: 'LC', productionMonth: '2022-12' });
    expect((await cpor(app)).map((l) => l.reason)).toEqual([
      'In stock, Phase 1 launched: should have it before delivery; no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
    ]);
  });

  test('a stock record whose VIN does not decode is passed over; the other vehicles still get their lines', async () => {
    const app = await testApp();
    inStock(app, 'JTHKPAAY4PA00123Q');
    inStock(app, LC2, { model: 'LC', productionMonth: '2022-12' });
    expect((await cpor(app)).map((l) => l.vin)).toEqual([LC2]);
  });
});

describe('a CPOR reference is entered on a CPOR order only', () => {
  test('an unknown movement, or an order with no vehicle, is refused and nothing is recorded', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', quantity: 1, released: true, perVin: false, by: 'Pat' });
    const o = await call(app, 'recordMovement', { kind: 'order', part: '12345-67890', quantity: 1, by: 'Pat' });
    const none = await refusal(app, 'setCporReference', { id: 999, reference: 'CP-1', by: 'Pat' });
    expect([none.code, none.message]).toEqual(['not-found', 'No stock movement 999.']);
    const stock = await refusal(app, 'setCporReference', { id: o.movement.id, reference: 'CP-1', by: 'Pat' });
    expect([stock.code, stock.message]).toEqual([
      'invalid-input',
      `Movement ${o.movement.id} is not a CPOR order for a vehicle: only an order with a VIN gets a CPOR reference.`,
    ]);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM cpor_references').pluck().get()).toBe(0);
  });
});
