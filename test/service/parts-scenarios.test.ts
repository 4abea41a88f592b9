// One scenario per rule of the parts counter and the service lane, on a real SQLite file, with the
// exact suggested lines and their explanations. The clock is 2026-11-23 12:00 UTC (testApp).
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { suggestOrders } from '../../main/parts/suggest';
import { call, importVehicles, importVinList, LC, LC2, LC3, refusal, TRAINED } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const ALE_NONE = {
  key: 'ALE||',
  campaign: 'ALE',
  partNumber: null,
  part: null,
  method: 'none',
  quantity: 0,
  vin: null,
  reason: 'No order: part number not yet released. Part number information will be provided when it is available.',
  source: null,
  bookedAt: null,
};
const BLC_NONE = {
  key: 'BLC||',
  campaign: 'BLC',
  partNumber: null,
  part: null,
  method: 'none',
  quantity: 0,
  vin: null,
  reason:
    'No order: this bulletin gives no part number. Part numbers and ordering information are in the Dealer Cover Letter and Technical Instructions of the specific Safety Recall.',
  source: null,
  bookedAt: null,
};

const bookLc = (app: App, vin: string, at: string) => call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at, model: 'LC', productionMonth: '2022-12' });

/** A stock part of BLC's recall, as its own cover letter states it (this letter gives none). */
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
// Its check digit right (X): a part is ordered only for an exact VIN, and a booking of a typo is warned about.
const RX05 = 'JTJHA31UX50123456';
// Other 2005 RX 330s: one open appointment per VIN and campaign (issue 16).
const RX05B = 'JTJHA31U250123457';
const RX05C = makeVin('JTJ', 'HA31U', 2005, '0123458');

describe('campaign parts', () => {
  test('the bulletin states the parts; a part the letter does not number says so', async () => {
    const app = await testApp();
    const l = await call(app, 'listParts', {});
    expect(l.parts.map((p) => [p.campaign, p.partNumber, p.isPattern, p.perVin, p.released, p.macCode])).toEqual([
      ['23LJ01', '04002-****', true, true, true, null],
      ['ALE', null, false, null, false, null],
    ]);
    expect(l.notes).toEqual([{ campaign: 'BLC', note: expect.stringMatching(/^This bulletin gives no part number\. .*Dealer Cover Letter/) }]);
  });

  test('an amendment is dated, says who, stands beside the bulletin value, and a concrete number matches its pattern', async () => {
    const app = await testApp();
    const p = await call(app, 'setPart', { campaign: '23LJ01', part: '04002-12345', macCode: 'C', by: 'Pat' });
    expect(p.partNumber).toBe('04002-****');
    expect(p.macCode).toBe('C');
    expect(p.sources.macCode).toBe('amendment');
    expect(p.sources.partNumber).toBe('bulletin');
    expect(p.bulletin?.macCode).toBeNull();
    expect(p.amendments).toEqual([
      { id: 1, madeBy: 'Pat', madeAt: '2026-11-23T12:00:00.000Z', bulletinRevision: expect.any(String), changes: ['MAC code: C'] },
    ]);
  });

  test("ALE's unnumbered part gets its released number from an amendment", async () => {
    const app = await testApp();
    const p = await call(app, 'setPart', { campaign: 'ALE', part: '90913-02090', released: true, quantity: 16, by: 'Pat' });
    expect([p.partNumber, p.sources.partNumber, p.released, p.quantity, p.description]).toEqual([
      '90913-02090',
      'amendment',
      true,
      16,
      'Engine valve springs (newly designed)',
    ]);
  });

  test('a newer bulletin revision that states the fact wins, and says so', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: '23LJ01', part: '04002-****', macCode: 'C', by: 'Pat' });
    const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === '23LJ01')) as Record<string, unknown> & {
      parts: { macCode: string | null }[];
    };
    b.revisionDate = '2026-11-20';
    b.revisionLabel = 'Revised';
    b.parts[0]!.macCode = 'D';
    await call(app, 'importBulletin', { fileName: '23LJ01.json', content: JSON.stringify(b) });
    const p = (await call(app, 'listParts', {})).parts.find((x) => x.campaign === '23LJ01')!;
    expect(p.macCode).toBe('D');
    expect(p.sources.macCode).toBe('bulletin');
    expect(p.superseded).toEqual(['Bulletin revision 2026-11-20 states the MAC code (D): the amendment of 2026-11-23 by Pat (C) no longer applies.']);
  });

  test('an unknown campaign, or a new part without a description, is refused', async () => {
    const app = await testApp();
    expect((await refusal(app, 'setPart', { campaign: 'XYZ', part: '1', released: true, by: 'Pat' })).message).toBe('No campaign "XYZ" in the library.');
    expect((await refusal(app, 'setPart', { campaign: '23LJ01', part: '99999-1', released: true, by: 'Pat' })).message).toBe(
      '23LJ01 lists no part 99999-1: give its description to add it (--description TEXT).',
    );
  });
});

describe('stock ledger', () => {
  test('on hand and on order come from the movements; a receipt fills open orders oldest first; a reversal undoes without deleting', async () => {
    const app = await testApp();
    await clip(app, 0);
    const move = (kind: 'receive' | 'order' | 'use' | 'return' | 'count', quantity: number, extra = {}) =>
      call(app, 'recordMovement', { kind, part: '12345-67890', quantity, by: 'Pat', ...extra });
    // Typed as at the counter (month/day/year), kept as an ISO date.
    const ordered = await move('order', 2, { expectedOn: '11/30/2026', ref: 'PO-1' });
    expect(ordered.movement.expectedOn).toBe('2026-11-30');
    await move('order', 3);
    const r = await move('receive', 4);
    expect(r.position).toEqual({ part: '12345-67890', vin: null, onHand: 4, onOrder: 1 });
    await move('use', 1);
    await move('return', 1);
    const c = await move('count', 3);
    expect(c.position.onHand).toBe(3);
    const rev = await call(app, 'reverseMovement', { id: c.movement.id, reason: 'counted the wrong bin', by: 'Pat' });
    expect(rev.position).toEqual({ part: '12345-67890', vin: null, onHand: 4, onOrder: 1 });
    const h = await call(app, 'stockHistory', { part: '12345-67890' });
    expect(h.movements.map((m) => [m.kind, m.quantity, m.effect, m.reversedBy])).toEqual([
      ['order', 2, '+2 on order', null],
      ['order', 3, '+3 on order', null],
      ['receive', 4, '+4 on hand, fills 4 on order', null],
      ['use', 1, '-1 on hand (used in a repair)', null],
      ['return', 1, '+1 on hand (returned to the shelf)', null],
      ['count', 3, 'reversed: does not count', 7],
      ['reverse', 3, `reverses movement ${c.movement.id}: it no longer counts`, null],
    ]);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(7);
  });

  test('bad input changes nothing: negative, fractional, absurd, unknown part, a date that does not exist, a bad VIN, more than on hand', async () => {
    const app = await testApp();
    await clip(app, 0);
    const base = { kind: 'receive' as const, part: '12345-67890', quantity: 1, by: 'Pat' };
    expect((await refusal(app, 'recordMovement', { ...base, quantity: -1 })).message).toBe('quantity: the number must not be negative');
    expect((await refusal(app, 'recordMovement', { ...base, quantity: 1.5 })).message).toBe('quantity: the number must be whole, e.g. 2 (not 1.5)');
    expect((await refusal(app, 'recordMovement', { ...base, quantity: 100000 })).message).toBe(
      'quantity: the number must be 9,999 or fewer: check the number typed',
    );
    expect((await refusal(app, 'recordMovement', { ...base, quantity: 0 })).message).toBe(
      'quantity: the quantity must be 1 or more (only a physical count can be 0)',
    );
    expect((await refusal(app, 'recordMovement', { ...base, part: '11111-22222' })).message).toBe('No campaign lists the part 11111-22222.');
    expect((await refusal(app, 'recordMovement', { ...base, kind: 'order', expectedOn: '2026-02-30' })).message).toBe(
      'Expected date: "2026-02-30" is not a date: February 2026 has 28 days.',
    );
    expect((await refusal(app, 'recordMovement', { ...base, kind: 'order', expectedOn: 'next week' })).message).toMatch(
      /^Expected date: "next week" is not a date\. Write it as 03\/14\/2024/,
    );
    expect((await refusal(app, 'recordMovement', { ...base, part: '04002-12345', vin: 'JTHKPAAY4PA00123' })).code).toBe('invalid-vin');
    expect((await refusal(app, 'recordMovement', { ...base, part: '04002-12345' })).message).toBe(
      '04002-**** (23LJ01) is held per VIN: say for which vehicle with --vin VIN.',
    );
    expect((await refusal(app, 'recordMovement', { ...base, kind: 'use' })).message).toBe('Only 0 of 12345-67890 on hand: cannot use 1.');
    expect(app.db.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(0);
  });

  test('a per-VIN part is held per VIN: received for one vehicle, it cannot be used on another', async () => {
    const app = await testApp();
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const l = (await call(app, 'listParts', {})).parts[0]!;
    expect(l.perVinStock).toEqual([
      {
        vin: LC,
        onHand: 1,
        onOrder: 0,
        cpor: { state: 'received', since: '2026-11-23T12:00:00.000Z', reference: null, partNumber: '04002-12345', listedNow: null },
      },
    ]);
    const e = await refusal(app, 'recordMovement', { kind: 'use', part: '04002-12345', quantity: 1, vin: LC2, by: 'Pat' });
    expect(e.message).toBe(`Only 0 of 04002-**** for VIN ${LC2} on hand: cannot use 1.`);
  });
});

describe('order suggestions', () => {
  test('only open work inside the horizon counts: not beyond it, not cancelled, not completed', async () => {
    const app = await testApp();
    await clip(app, 0);
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    const cancelled = await call(app, 'bookAppointment', { vin: RX05B, campaigns: ['BLC'], at: '2026-11-26T08:00', model: 'RX 330' });
    await call(app, 'setAppointmentStatus', { id: cancelled.id, status: 'cancelled' });
    await call(app, 'bookAppointment', { vin: RX05C, campaigns: ['BLC'], at: '2026-12-24T08:00', model: 'RX 330' });
    expect((await call(app, 'suggestOrders', { horizonDays: 14 })).lines.find((l) => l.partNumber === '12345-67890')?.reason).toBe(
      '1 booked in the next 14 days + keep 0 on the shelf = 1; 0 on hand + 0 on order: order 1',
    );
    expect((await call(app, 'suggestOrders', { horizonDays: 31 })).lines.find((l) => l.partNumber === '12345-67890')?.quantity).toBe(2);
  });

  test('the example of the issue: 2 booked + keep 1 = 3; 1 on hand + 0 on order: order 2', async () => {
    const app = await testApp();
    await clip(app, 1);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    await call(app, 'bookAppointment', { vin: RX05B, campaigns: ['BLC'], at: '2026-12-01T08:00', model: 'RX 330' });
    const s = await call(app, 'suggestOrders', { horizonDays: 14 });
    expect(s).toEqual({
      horizonDays: 14,
      lines: [
        ALE_NONE,
        {
          key: 'BLC|12345-67890|',
          campaign: 'BLC',
          partNumber: '12345-67890',
          part: '12345-67890',
          method: 'stock',
          quantity: 2,
          vin: null,
          reason: '2 booked in the next 14 days + keep 1 on the shelf = 3; 1 on hand + 0 on order: order 2',
          source: 'shelf',
          bookedAt: null,
        },
      ],
    });
  });

  test('sell one, buy one: nothing is suggested until a unit is used, then exactly one comes back', async () => {
    const app = await testApp();
    await clip(app, 1);
    await call(app, 'recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1, by: 'Pat' });
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'stock')).toEqual([]);
    await call(app, 'recordMovement', { kind: 'use', part: '12345-67890', quantity: 1, by: 'Pat' });
    expect((await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'stock')).toEqual([
      {
        key: 'BLC|12345-67890|',
        campaign: 'BLC',
        partNumber: '12345-67890',
        part: '12345-67890',
        method: 'stock',
        quantity: 1,
        vin: null,
        reason: '0 booked in the next 14 days + keep 1 on the shelf = 1; 0 on hand + 0 on order: order 1',
        source: 'shelf',
        bookedAt: null,
      },
    ]);
  });

  test('a per-VIN part: one CPOR line per booked vehicle without a CPOR order; never a stock order; the horizon is adjustable', async () => {
    const app = await testApp();
    await bookLc(app, LC, '2026-11-30T09:00');
    await bookLc(app, LC2, '2026-12-20T09:00');
    const s = await call(app, 'suggestOrders', { horizonDays: 14 });
    expect(s.lines).toEqual([
      {
        key: `23LJ01|04002-****|${LC}`,
        campaign: '23LJ01',
        partNumber: '04002-****',
        part: '04002-****',
        method: 'cpor',
        quantity: 1,
        vin: LC,
        reason: 'Booked 2026-11-30 09:00 (remedy available); no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
        source: 'booked',
        bookedAt: '2026-11-30T09:00',
      },
      ALE_NONE,
      BLC_NONE,
    ]);
    expect((await call(app, 'suggestOrders', { horizonDays: 30 })).lines.filter((l) => l.method === 'cpor').map((l) => l.vin)).toEqual([LC, LC2]);
    await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
    expect((await call(app, 'suggestOrders', { horizonDays: 30 })).lines.filter((l) => l.method === 'cpor').map((l) => l.vin)).toEqual([LC2]);
  });

  test('MAC code C on a stock part: CPOR lines per vehicle; MAC code D: refer to the MAC report with the allocation', async () => {
    const app = await testApp();
    await clip(app, 2);
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', macCode: 'C', by: 'Pat' });
    await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-25T08:00', model: 'RX 330' });
    let s = await call(app, 'suggestOrders', {});
    expect(s.lines.filter((l) => l.campaign === 'BLC')).toEqual([
      {
        key: `BLC|12345-67890|${RX05}`,
        campaign: 'BLC',
        partNumber: '12345-67890',
        part: '12345-67890',
        method: 'cpor',
        quantity: 1,
        vin: RX05,
        reason: 'Booked 2026-11-25 08:00 (remedy available); no CPOR order recorded: order 1 through CPOR for this VIN (MAC code C: order through CPOR).',
        source: 'booked',
        bookedAt: '2026-11-25T08:00',
      },
    ]);
    await call(app, 'setPart', { campaign: 'BLC', part: '12345-67890', macCode: 'D', allocation: 3, by: 'Pat' });
    s = await call(app, 'suggestOrders', {});
    expect(s.lines.filter((l) => l.campaign === 'BLC')).toEqual([
      {
        key: 'BLC|12345-67890|',
        campaign: 'BLC',
        partNumber: '12345-67890',
        part: '12345-67890',
        method: 'mac-report',
        quantity: 0,
        vin: null,
        reason: 'MAC code D: no order; refer to the MAC report. Allocation recorded: 3. (1 vehicle booked in the next 14 days.)',
        source: null,
        bookedAt: null,
      },
    ]);
  });

  test('a vehicle in stock covered by a launched phase gets a CPOR line; a VIN on the imported affected list counts as launched', async () => {
    const app = await testApp();
    await importVehicles(
      app,
      ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,CPO`, `S2,${LC2},2023,,,U`, `S3,${LC3},2023,,,N`].join('\r\n'),
      'add',
    );
    await importVinList(app, '23LJ01', [LC2]);
    const cpor = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor');
    expect(cpor).toEqual([
      {
        key: `23LJ01|04002-****|${LC}`,
        campaign: '23LJ01',
        partNumber: '04002-****',
        part: '04002-****',
        method: 'cpor',
        quantity: 1,
        vin: LC,
        reason: expect.stringMatching(
          /^In stock #S1 \(Certified pre-owned\), Phase \d launched: must have it before delivery; no CPOR order recorded: order 1 through CPOR/,
        ),
        source: 'in-stock',
        bookedAt: null,
      },
      {
        key: `23LJ01|04002-****|${LC2}`,
        campaign: '23LJ01',
        partNumber: '04002-****',
        part: '04002-****',
        method: 'cpor',
        quantity: 1,
        vin: LC2,
        reason:
          'In stock #S2 (Used), on the affected list of 2026-11-20: should have it before delivery (else only with the disclosure form); no CPOR order recorded: order 1 through CPOR for this VIN (per-VIN part number: CPOR gives it).',
        source: 'in-stock',
        bookedAt: null,
      },
    ]);
  });

  test('ALE: no order while the part number is not released; no booking either, even as goodwill (the waiting list instead)', async () => {
    const app = await testApp();
    const ale = 'JTHBE96S070007930';
    await refusal(app, 'bookAppointment', { vin: ale, campaigns: ['ALE'], at: '2026-11-26T10:00', goodwill: 'guest hears the valve train, urgent' });
    const s = await call(app, 'suggestOrders', {});
    expect(s.lines.find((l) => l.campaign === 'ALE')).toEqual(ALE_NONE);
  });

  test('a horizon of 0 or 1000 days is refused', async () => {
    const app = await testApp();
    expect((await refusal(app, 'suggestOrders', { horizonDays: 0 })).message).toBe('horizonDays: the horizon is at least 1 day');
    expect((await refusal(app, 'suggestOrders', { horizonDays: 1000 })).message).toBe('horizonDays: the horizon is at most 365 days');
  });

  test('the exported service function gives the same lines as the operation (for printed forms)', async () => {
    const app = await testApp();
    await bookLc(app, LC, '2026-11-30T09:00');
    expect(suggestOrders(app, { horizonDays: 14 })).toEqual(await call(app, 'suggestOrders', { horizonDays: 14 }));
  });
});

describe('appointments', () => {
  test('booking shows the vehicle and its other open campaigns and offers them; a bad VIN, an unknown campaign and a day that does not exist are refused', async () => {
    const app = await testApp();
    const p = await call(app, 'previewBooking', { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect(p.vehicle).toMatchObject({ vin: LC, modelYear: 2023, model: 'LC', description: '2023 Lexus LC (as stated) built 2022-12' });
    expect(p.campaigns.map((c) => [c.code, c.available, c.flatRateHours, c.minutes])).toEqual([['23LJ01', true, 0.4, 45]]);
    expect((await refusal(app, 'bookAppointment', { vin: 'JTHKPAAY4PA00123', campaigns: ['23LJ01'], at: '2026-11-30T09:00' })).code).toBe('invalid-vin');
    expect((await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['NOPE'], at: '2026-11-30T09:00' })).message).toBe(
      'No campaign "NOPE" in the library.',
    );
    expect((await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-02-30T09:00' })).message).toBe(
      'at: that day does not exist in the calendar',
    );
    expect((await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['ALE'], at: '2026-11-30T09:00' })).message).toMatch(
      /^ALE does not cover JTHKPAAY4PA001234/,
    );
  });

  test('the remedy not available (phase unknown, not launched, part not released) books only with a goodwill reason', async () => {
    const app = await testApp();
    const e = await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-30T09:00' });
    // The phase is not known here: "unknown", never "not available" (test/service/lane-review.test.ts).
    expect(e.message).toMatch(/^The remedy's status is unknown for this vehicle \(its phase is not known\): .* book it only with a goodwill reason/);
    expect(e.details[0]).toMatch(/^23LJ01: remedy status unknown: /);
    const r = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-30T09:00', goodwill: 'lost the only key' });
    expect(r.warnings).toEqual([expect.stringMatching(/^23LJ01: remedy status unknown: .* Booked as goodwill \(23LJ01 FAQ Q13\): lost the only key\.$/)]);
    const a = (await call(app, 'listAppointments', {})).appointments[0]!;
    expect([a.goodwillReason, a.campaigns]).toEqual(['lost the only key', [{ code: '23LJ01', remedyAvailable: false, warning: expect.any(String) }]]);
  });

  test('booking one campaign warns of the others open on the vehicle; a campaign without stated time says so in the day view', async () => {
    const app = await testApp();
    const other = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === '23LJ01')) as Record<string, unknown>;
    Object.assign(other, { code: 'LC24', title: 'Test program', parts: [], opCodes: [], technicianRequirements: [], repairTimeMinutes: null });
    await call(app, 'importBulletin', { fileName: 'LC24.json', content: JSON.stringify(other) });
    const r = await bookLc(app, LC, '2026-11-30T09:00');
    expect(r.warnings).toEqual(['Also open on this vehicle: LC24 (Test program): book them in the same visit (--campaign 23LJ01,LC24).']);
    await call(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01', 'LC24'], at: '2026-11-30T11:00', model: 'LC', productionMonth: '2022-12' });
    expect((await call(app, 'listAppointments', {})).days).toEqual([
      { date: '2026-11-30', appointments: 2, flatRateHours: 0.8, minutes: 90, unknownTime: ['LC24'] },
    ]);
  });

  test('the day view adds flat-rate hours and time; status changes; completing a cancelled appointment is refused', async () => {
    const app = await testApp();
    const a = await bookLc(app, LC, '2026-11-30T09:00');
    await bookLc(app, LC2, '2026-11-30T10:00');
    await bookLc(app, LC3, '2026-12-01T09:00');
    const l = await call(app, 'listAppointments', { from: '2026-11-30', to: '2026-11-30' });
    expect(l.days).toEqual([{ date: '2026-11-30', appointments: 2, flatRateHours: 0.8, minutes: 90, unknownTime: [] }]);
    await call(app, 'setAppointmentStatus', { id: a.id, status: 'cancelled' });
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    const e = await refusal(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Sam' });
    expect(e.message).toBe(`Appointment ${a.id} is cancelled: only booked or arrived work can be completed.`);
    expect((await refusal(app, 'setAppointmentStatus', { id: a.id, status: 'arrived' })).message).toBe(
      `Appointment ${a.id} is cancelled: it cannot become arrived.`,
    );
  });
});

describe('completing the work and claims', () => {
  async function ready(app: App) {
    await call(app, 'addStaff', { name: 'Sam' });
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    await call(app, 'addTechnician', { name: 'Lee Park', courses: [TRAINED[0]!] });
    // Today (the clock's day): work is completed on the day the vehicle is here.
    const a = await bookLc(app, LC, '2026-11-23T13:00');
    await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat' });
    return a;
  }

  test('the courses the bulletin requires, a different verifier, the per-VIN part received for that VIN', async () => {
    const app = await testApp();
    const a = await ready(app);
    const untrained = await refusal(app, 'completeAppointment', { id: a.id, technician: 'Lee Park', verifiedBy: 'Sam' });
    expect([untrained.message, untrained.details]).toEqual([
      'Lee Park may not do this work: a required course is missing.',
      ['23LJ01 requires "LIC206A - Electrical Repair 1"; Lee Park\'s courses: Safety Recall and Service Campaign Essentials.'],
    ]);
    expect((await refusal(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'dana kim' })).message).toBe(
      'dana kim did the work and cannot also verify it: an associate other than the technician verifies the vehicle before delivery.',
    );
    const noPart = await refusal(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Sam' });
    expect(noPart.message).toBe(`Only 0 of 04002-**** for VIN ${LC} on hand: cannot use 1.`);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);

    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const done = await call(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Sam', repairOrder: 'RO-77' });
    // The key that went in: the number received for the VIN (dc4da30), not the bulletin's pattern.
    expect(done.partsUsed).toEqual([{ part: '04002-12345', quantity: 1, vin: LC }]);
    expect((await call(app, 'listParts', {})).parts[0]!.perVinStock).toEqual([{ vin: LC, onHand: 0, onOrder: 0, cpor: null }]);
    const lookup = await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect(lookup.campaigns[0]!.vehicleStatus).toEqual({ status: 'completed-here', completedOn: '2026-11-23', repairOrder: 'RO-77' });
    const claims = (await call(app, 'listClaims', {})).claims;
    expect(claims).toEqual([
      {
        id: 1,
        vin: LC,
        campaign: '23LJ01',
        opCode: '23LJ01R1',
        hours: 0.4,
        note: null,
        repairOrder: 'RO-77',
        technician: 'Dana Kim',
        verifiedBy: 'Sam',
        completedOn: '2026-11-23',
        appointmentId: a.id,
        goodwill: null,
        history: [],
      },
    ]);
  });

  test('where the bulletin gives no op code the claim says so; a correction keeps the original in the history', async () => {
    const app = await testApp();
    await call(app, 'addStaff', { name: 'Sam' });
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: [] });
    const a = await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-23T13:00', model: 'RX 330' });
    await call(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Sam', repairOrder: 'RO-1' });
    let c = (await call(app, 'listClaims', { missingOpCode: true })).claims[0]!;
    expect([c.opCode, c.hours, c.note]).toEqual([
      null,
      null,
      'The bulletin gives no op code: enter it (claims correct ID --op-code CODE, or Correct on the Claims screen).',
    ]);
    c = await call(app, 'correctClaim', { id: c.id, opCode: 'blc01a', reason: 'op code from the recall cover letter', by: 'Pat' });
    c = await call(app, 'correctClaim', { id: c.id, vin: LC, reason: 'wrong VIN typed', by: 'Pat' });
    expect([c.opCode, c.vin]).toEqual(['BLC01A', LC]);
    const at = '2026-11-23T12:00:00.000Z';
    expect(c.history).toEqual([
      { field: 'op_code', oldValue: null, newValue: 'BLC01A', reason: 'op code from the recall cover letter', madeBy: 'Pat', madeAt: at },
      { field: 'vin', oldValue: RX05, newValue: LC, reason: 'wrong VIN typed', madeBy: 'Pat', madeAt: at },
    ]);
    expect((await call(app, 'listClaims', { vin: RX05 })).claims).toEqual([]);
    expect((await refusal(app, 'correctClaim', { id: c.id, vin: 'NOT A VIN', reason: 'typo', by: 'Pat' })).code).toBe('invalid-vin');
    expect((await refusal(app, 'correctClaim', { id: 99, opCode: 'X1', reason: 'typo', by: 'Pat' })).message).toBe('No claim 99.');
  });
});

describe('the ledger fold kept in memory', () => {
  test("a write rolled back, a reversal and another process's movements are all seen as the ledger stands", async () => {
    const app = await testApp();
    await clip(app, 0);
    const { ledgerOf } = await import('../../main/parts/service');
    const ledger = ledgerOf(app.db);
    const at = '2026-11-23T12:00:00.000Z';
    const row = {
      part: '12345-67890',
      part_number: '12345-67890',
      vin: null,
      expected_on: null,
      ref: null,
      appointment_id: null,
      reverses_id: null,
      made_by: 'Pat',
      made_at: at,
    };
    ledger.record({ ...row, kind: 'receive', quantity: 5 });
    expect(ledger.positions().get('12345-67890')?.onHand).toBe(5);
    // Folded inside a transaction that then rolls back: the phantom receipt must not stay in the fold.
    expect(() =>
      app.db.sqlite.transaction(() => {
        ledger.record({ ...row, kind: 'receive', quantity: 100 });
        expect(ledger.positions().get('12345-67890')?.onHand).toBe(105);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    ledger.record({ ...row, kind: 'use', quantity: 2 });
    expect(ledger.positions().get('12345-67890')?.onHand).toBe(3);
    // Another connection (another process) records a movement; then a reversal refolds.
    const other = new (await import('better-sqlite3')).default(app.db.path);
    other
      .prepare(
        "INSERT INTO stock_movements (part, part_number, kind, quantity, made_by, made_at) VALUES ('12345-67890', '12345-67890', 'receive', 4, 'Lee', 'now')",
      )
      .run();
    other.close();
    expect(ledger.positions().get('12345-67890')?.onHand).toBe(7);
    await call(app, 'reverseMovement', { id: 1, reason: 'never arrived', by: 'Pat' });
    expect(ledger.positions().get('12345-67890')?.onHand).toBe(2);
  });
});
