// What booking shows of a vehicle and, per campaign, whether the remedy can be done for it now
// (main/appointments/vehicle.ts), through the API on real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { call, importVehicles, LC } from '../support/lane';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const RX05 = 'JTJHA31U950123456';
const offerOf = async (app: App, input: { vin: string; model?: string; productionMonth?: string }, code = '23LJ01') =>
  (await call(app, 'previewBooking', input)).campaigns.find((c) => c.code === code)!;

/** A revision of a built-in bulletin, changed as `change` says, imported as a dealer imports one. */
async function revise(app: App, code: string, change: (b: Record<string, any>) => void) {
  const b = structuredClone(BUILT_IN_DOCUMENTS.find((d) => (d as { code: string }).code === code)) as Record<string, any>;
  b.revisionDate = '2026-11-20';
  b.revisionLabel = 'Revised';
  change(b);
  await call(app, 'importBulletin', { fileName: `${code}.json`, content: JSON.stringify(b) });
}

describe('the vehicle as booking shows it', () => {
  test('the year, the make vPIC decodes, the model and where it comes from, the production month', async () => {
    const app = await testApp();
    expect((await call(app, 'previewBooking', { vin: LC, model: 'LC', productionMonth: '2022-12' })).vehicle).toEqual({
      vin: LC,
      modelYear: 2023,
      model: 'LC',
      modelSource: 'stated',
      productionMonth: '2022-12',
      description: '2023 Lexus LC (as stated) built 2022-12',
      record: null,
    });
    expect((await call(app, 'previewBooking', { vin: RX05 })).vehicle.description).toBe('2005 Lexus RX 330 (decoded from the VIN, NHTSA vPIC)');
  });

  test('what is not known is not made up: no make without vPIC, "model unknown", no month', async () => {
    const app = await testApp({ vpicPath: null });
    expect((await call(app, 'previewBooking', { vin: LC })).vehicle.description).toBe('2023 model unknown');
  });

  test("the dealer's record: its model and month, the condition, in stock with its stock number", async () => {
    const app = await testApp();
    await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `S1,${LC},2023,LC,12/22,CPO`].join('\r\n'), 'add');
    expect((await call(app, 'previewBooking', { vin: LC })).vehicle.description).toBe(
      "2023 Lexus LC (from the dealer's record) built 2022-12 · Certified pre-owned · in stock #S1",
    );
  });

  test('a vehicle in stock without a stock number, and a serviced vehicle not in stock', async () => {
    const app = await testApp();
    const at = '2026-11-01T00:00:00Z';
    app.db.sqlite.prepare("INSERT INTO vehicles (vin, model_year, condition, in_stock, updated_at) VALUES (?, 2023, 'used', 1, ?)").run(LC, at);
    app.db.sqlite.prepare('INSERT INTO vehicles (vin, model_year, in_stock, updated_at) VALUES (?, 2005, 0, ?)').run(RX05, at);
    expect((await call(app, 'previewBooking', { vin: LC })).vehicle.description).toBe('2023 Lexus model unknown · Used · in stock');
    expect((await call(app, 'previewBooking', { vin: RX05 })).vehicle.description).toBe('2005 Lexus RX 330 (decoded from the VIN, NHTSA vPIC)');
  });
});

describe('whether the remedy can be done now, and goodwill only where the bulletin offers it', () => {
  test("a launched phase: available, no warning, no goodwill, and the bulletin's time for the work", async () => {
    const app = await testApp();
    expect(await offerOf(app, { vin: LC, model: 'LC', productionMonth: '2022-12' })).toEqual({
      code: '23LJ01',
      title: 'Second Key Delivery Program',
      available: true,
      warning: null,
      certainty: 'verify',
      severity: [],
      completed: false,
      goodwill: null,
      openAppointment: null,
      flatRateHours: 0.4,
      minutes: 45,
    });
    // BLC's letter states no op code and no time: none is made up.
    expect(await offerOf(app, { vin: RX05 }, 'BLC')).toMatchObject({ available: true, warning: null, flatRateHours: null, minutes: null });
  });

  test('a phase whose status is unknown: the warning says unknown (its "Unknown." said once), goodwill per FAQ Q13', async () => {
    const app = await testApp();
    const o = await offerOf(app, { vin: LC });
    expect([o.available, o.warning, o.goodwill]).toEqual([
      false,
      '23LJ01: remedy status unknown: The phase depends on the model and production month. Phases 1-5: remedy available; phases 6-7: announcement expected.',
      '23LJ01 FAQ Q13',
    ]);
  });

  test('a phase announced but not launched: not yet available, goodwill per FAQ Q13', async () => {
    const app = await testApp();
    await revise(app, '23LJ01', (b) => {
      b.phaseChart[0].phase = '6';
    });
    const o = await offerOf(app, { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect([o.available, o.warning, o.goodwill]).toEqual([
      false,
      '23LJ01: remedy not yet available: Not yet available: Phase 6, announcement expected March 2024 (timing subject to change).',
      '23LJ01 FAQ Q13',
    ]);
  });

  test('no repair exists yet (parts not released for the phase): no goodwill, even where the FAQ offers it', async () => {
    const app = await testApp();
    await revise(app, '23LJ01', (b) => {
      b.phaseChart[0].phase = '6';
      b.phases[5].status = 'parts-not-released';
    });
    const o = await offerOf(app, { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect([o.available, o.warning, o.goodwill]).toEqual([
      false,
      '23LJ01: remedy not yet available: Not yet available: parts not released; announcement expected March 2024 (timing subject to change).',
      null,
    ]);
  });

  test('ALE: parts not released and a bulletin that offers no goodwill', async () => {
    const app = await testApp();
    const gs = makeVin('JTH', 'BE96S', 2007, '0010000');
    const o = await offerOf(app, { vin: gs }, 'ALE');
    expect([o.available, o.warning, o.goodwill]).toEqual([
      false,
      'ALE: remedy not yet available: Not yet available: parts not released; parts expected to become available in late July 2010.',
      null,
    ]);
  });

  test('a launched phase whose part is not released: not available, the part named, and no goodwill', async () => {
    const app = await testApp();
    await call(app, 'setPart', { campaign: '23LJ01', part: '04002-****', released: false, by: 'Pat' });
    const o = await offerOf(app, { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect([o.available, o.warning, o.goodwill]).toEqual([false, '23LJ01: part not released: TRANSMITTER SUBASSY, ELECTRICAL KEY (04002-****).', null]);
  });

  test('a released part the bulletin gives no number for is not orderable either; every such part is named', async () => {
    const app = await testApp();
    await revise(app, 'BLC', (b) => {
      b.parts = [
        { partNumber: null, partNumberPerVin: null, description: 'Carpet cover', quantity: 1, macCode: null, released: true, note: null },
        { partNumber: '12345-67890', partNumberPerVin: false, description: 'Retention clip', quantity: 2, macCode: null, released: false, note: null },
        { partNumber: '12345-67891', partNumberPerVin: false, description: 'Hook', quantity: 2, macCode: null, released: true, note: null },
      ];
    });
    const o = await offerOf(app, { vin: RX05 }, 'BLC');
    expect([o.available, o.warning]).toEqual([false, 'BLC: part not released: Carpet cover, Retention clip (12345-67890).']);
  });

  test('a campaign recorded as done for the vehicle reads completed; one reopened does not', async () => {
    const app = await testApp();
    const input = { vin: LC, model: 'LC', productionMonth: '2022-12' };
    expect((await offerOf(app, input)).completed).toBe(false);
    await call(app, 'setVehicleCampaignStatus', { vin: LC, campaign: '23LJ01', status: 'completed-elsewhere' });
    expect((await offerOf(app, input)).completed).toBe(true);
    await call(app, 'setVehicleCampaignStatus', { vin: LC, campaign: '23LJ01', status: 'open' });
    expect((await offerOf(app, input)).completed).toBe(false);
  });
});
