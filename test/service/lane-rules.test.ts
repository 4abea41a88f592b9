// Rules of the parts counter and the service lane that no test held before (issue 16): each one is a
// one-line bug that every earlier test let through. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, importVehicles, LC, LC2, LC3, refusal } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const RX05 = 'JTJHA31U950123456';

/** A BLC stock part, as its own cover letter states it. */
async function clip(app: App, level: number) {
  await call(app, 'setPart', {
    campaign: 'BLC',
    part: '12345-67890',
    description: 'Carpet retainer clip',
    quantity: 1,
    released: true,
    perVin: false,
    by: 'Pat',
  });
  await call(app, 'setStockingLevel', { part: '12345-67890', level, by: 'Pat' });
}

/** A 23LJ01 list as TIS exports it, with its phase column. */
async function listWithPhases(app: App, rows: [string, string][]) {
  const content = ['VIN,Phase', ...rows.map(([v, p]) => `${v},${p}`)].join('\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  const s = await call(app, 'commitImport', { importId: p.importId });
  await app.jobs.wait(s.jobId);
}

describe('a phase announced but not launched is not "remedy available"', () => {
  // A TIS list holds only vehicles of launched phases (DOMAIN.md; the bulletin: "Only vehicles in the
  // currently launched phase(s) will be searchable on TIS"): a list naming phase 6 says it launched since
  // the bulletin's revision. The card, the booking and the suggestions read it alike (issue 17).
  test('a listed VIN whose list says phase 6 is in a launched phase: the card, the booking and the suggestions agree', async () => {
    const app = await testApp();
    await listWithPhases(app, [
      [LC, '6'],
      [LC2, '1'],
    ]);
    const card = (await call(app, 'lookup', { vin: LC })).campaigns.find((c) => c.code === '23LJ01')!;
    const offer = (await call(app, 'previewBooking', { vin: LC })).campaigns.find((c) => c.code === '23LJ01')!;
    expect([card.remedy.available, offer.available]).toEqual([true, true]);
    expect((await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-30T09:00' })).id).toBeGreaterThan(0);
    expect((await call(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01'], at: '2026-11-30T10:00' })).id).toBeGreaterThan(0);
  });

  test('vehicles in stock on the list get their CPOR lines, whichever launched phase the list names', async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,New/Used', `S1,${LC},2023,U`, `S2,${LC2},2023,U`].join('\r\n'), 'add');
    await listWithPhases(app, [
      [LC, '6'],
      [LC2, '1'],
    ]);
    const cpor = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(cpor.map((l) => l.vin).sort()).toEqual([LC, LC2].sort());
  });

  test('a phase whose status is unknown reads "unknown", never "no"', async () => {
    const app = await testApp();
    const r = await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-11' });
    const hit = r.campaigns.find((c) => c.code === '23LJ01')!;
    expect(hit.remedy.available).toBeNull();
    expect(hit.remedy.status).toBe('unknown');
    const offer = (await call(app, 'previewBooking', { vin: LC, model: 'LC', productionMonth: '2022-11' })).campaigns[0]!;
    expect(offer.warning).toMatch(/^23LJ01: remedy status unknown: /);
    expect(offer.warning).not.toMatch(/not yet available/);
  });
});

describe('sell one, buy one counts what is already on order', () => {
  test('1 on hand + 1 on order against 2 needed: order nothing', async () => {
    const app = await testApp();
    await clip(app, 1);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, by: 'Pat' });
    await call(app, 'recordMovement', { kind: 'order', part: '12345-67890', quantity: 1, by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'stock')).toEqual([]);
  });

  test('suggesting again right after accepting gives nothing new', async () => {
    const app = await testApp();
    await clip(app, 2);
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });
    const accepted = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
    expect(accepted.recorded.map((m) => [m.part, m.quantity, m.vin])).toEqual([
      ['04002-****', 1, LC],
      ['12345-67890', 3, null],
    ]);
    const again = await call(app, 'suggestOrders', {});
    expect(again.lines.filter((l) => l.method === 'stock' || l.method === 'cpor')).toEqual([]);
  });
});

describe('a booked appointment whose time has passed and that never arrived', () => {
  test('is not demand, and the line says so', async () => {
    const app = await testApp();
    await clip(app, 0);
    // Booked on the 20th for the 21st (the clock was then earlier); the guest never came.
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T12:00:00Z') });
    await call(early, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-21T08:00', model: 'RX 330' });
    await early.close();
    await call(app, 'bookAppointment', { vin: 'JTJHA31U250123457', campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    const line = (await call(app, 'suggestOrders', {})).lines.find((l) => l.partNumber === '12345-67890')!;
    expect(line.quantity).toBe(1);
    expect(line.reason).toBe(
      '1 booked in the next 14 days + keep 0 on the shelf = 1; 0 on hand + 0 on order: order 1 (not counted: 1 appointment booked before today that never arrived; mark it arrived, no-show or cancelled)',
    );
  });

  test('an arrived one of an earlier day is still demand', async () => {
    const app = await testApp();
    await clip(app, 0);
    const early = await testApp({ dbPath: app.db.path, now: () => new Date('2026-11-20T12:00:00Z') });
    const a = await call(early, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-21T08:00', model: 'RX 330' });
    await early.close();
    await call(app, 'setAppointmentStatus', { id: a.id, status: 'arrived' });
    const line = (await call(app, 'suggestOrders', {})).lines.find((l) => l.partNumber === '12345-67890')!;
    expect([line.quantity, line.reason]).toEqual([1, '1 booked in the next 14 days + keep 0 on the shelf = 1; 0 on hand + 0 on order: order 1']);
  });
});

describe('MAC code D and parts not released are never ordered', () => {
  test('MAC code D on a per-VIN part: refer to the MAC report, no CPOR line for booked or stock vehicles', async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC3},2023,LC,12/22,CPO`].join('\r\n'), 'add');
    await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });
    await call(app, 'setPart', { campaign: '23LJ01', part: '04002-****', macCode: 'D', by: 'Pat' });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === '23LJ01');
    expect(lines).toEqual([
      {
        key: '23LJ01|04002-****|',
        campaign: '23LJ01',
        partNumber: '04002-****',
        part: '04002-****',
        method: 'mac-report',
        quantity: 0,
        vin: null,
        reason: 'MAC code D: no order; refer to the MAC report. No allocation recorded. (1 vehicle booked in the next 14 days.)',
        source: null,
        bookedAt: null,
      },
    ]);
    expect((await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded).toEqual([]);
  });

  test('a numbered part that is not released: no order line, nothing accepted, and an order typed by hand is refused', async () => {
    const app = await testApp();
    await clip(app, 2);
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', released: false, by: 'Pat' });
    const lines = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.campaign === 'BLC');
    expect(lines).toEqual([
      {
        key: 'BLC|12345-67890|',
        campaign: 'BLC',
        partNumber: '12345-67890',
        part: '12345-67890',
        method: 'none',
        quantity: 0,
        vin: null,
        reason: 'No order: 12345-67890 is not released yet.',
        source: null,
        bookedAt: null,
      },
    ]);
    expect((await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' })).recorded).toEqual([]);
    const e = await refusal(app, 'recordMovement', { kind: 'order', part: '12345-67890', quantity: 1, by: 'Pat' });
    expect(e.message).toBe('12345-67890 (BLC) is not released: it cannot be ordered yet.');
  });
});

describe('a reversal that would leave on hand below zero', () => {
  test('is refused, and nothing is recorded', async () => {
    const app = await testApp();
    await clip(app, 0);
    const r = await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 2, by: 'Pat' });
    await call(app, 'recordMovement', { kind: 'use', part: '12345-67890', quantity: 2, by: 'Pat' });
    const e = await refusal(app, 'reverseMovement', { id: r.movement.id, reason: 'typed twice', by: 'Pat' });
    expect(e.message).toBe(`Reversing movement ${r.movement.id} would leave -2 of 12345-67890 on hand: record a count instead.`);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(2);
    // Reversing the use instead is fine: back to 2.
    const ok = await call(app, 'reverseMovement', { id: r.movement.id + 1, reason: 'not used after all', by: 'Pat' });
    expect(ok.position.onHand).toBe(2);
  });
});

describe('another make is dropped even when vPIC cannot decode its model', () => {
  test('a Honda VIN with a VDS vPIC does not know, said to be an RX 330, gets no Lexus campaign', async () => {
    const app = await testApp();
    await app.vpic!.start();
    const honda = makeVin('1HG', 'ZZ9Z9', 2006, 'A000001');
    const r = await call(app, 'lookup', { vin: honda, model: 'RX 330' });
    expect(r.decoded?.model ?? null).toBeNull();
    expect(r.campaigns.map((c) => c.code)).toEqual([]);
  });
});
