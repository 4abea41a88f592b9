// A window hit is worked out once per everything it depends on and then shared by the VINs that ask
// the same (compiled-library.ts). Each test shows that a difference that matters is not lost to it.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { parseBuiltIns } from '../../main/campaigns/library/documents';
import { LookupService } from '../../main/lookup/service';
import { makeVin } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const lcA = makeVin('JTH', 'KPAAY', 2023, '0001234');
const lcB = makeVin('JTH', 'KPAAY', 2023, '0005678');
const hit = (app: App, vin: string) => app.lookup.lookup({ vin, model: 'LC', productionMonth: '2022-12' }).campaigns.find((c) => c.code === '23LJ01');

function inStock(app: App, vin: string, condition: string) {
  app.db.sqlite
    .prepare('INSERT INTO vehicles (vin, model_year, stock_number, condition, in_stock, updated_at) VALUES (?, 2023, ?, ?, 1, ?)')
    .run(vin, 'S-1', condition, '2026-11-01T00:00:00Z');
}

describe('shared window answers', () => {
  test('two VINs of the same model, year and month share the answer, but not the stock record', async () => {
    const app = await testApp({ vpicPath: null });
    inStock(app, lcB, 'certified-pre-owned');
    expect(hit(app, lcA)!.stockHolds).toEqual([]);
    expect(hit(app, lcB)!.stockHolds).toEqual([{ hold: 'do-not-deliver-until-remedied', condition: 'certified-pre-owned', text: expect.any(String) }]);
    expect(hit(app, lcA)!.stockHolds).toEqual([]);
    await app.close();
  });

  test('a status recorded for one VIN is its own: the other VIN still has the campaign open', async () => {
    const app = await testApp({ vpicPath: null });
    expect(hit(app, lcA)!.vehicleStatus).toBeNull();
    const r = await app.dispatch('setVehicleCampaignStatus', { vin: lcB, campaign: '23LJ01', status: 'not-applicable' });
    expect(r.ok).toBe(true);
    expect(hit(app, lcB)!.vehicleStatus).toMatchObject({ status: 'not-applicable' });
    expect(hit(app, lcA)!.vehicleStatus).toBeNull();
    await app.close();
  });

  test('a new revision of the bulletin is read at once: no answer of the old one is given again', async () => {
    const app = await testApp({ vpicPath: null });
    expect(hit(app, lcA)!.title).not.toMatch(/REVISED/);
    const b = parseBuiltIns().find((x) => x.code === '23LJ01')!;
    app.campaigns.upsert({ ...b, title: `${b.title} (REVISED)`, revisionDate: '2026-11-01' }, 'imported');
    expect(hit(app, lcA)!.title).toMatch(/REVISED/);
    await app.close();
  });

  test("the bulletin's age moves on with the day", async () => {
    let now = new Date('2026-11-23T12:00:00Z');
    const app = await testApp({ vpicPath: null, now: () => now });
    const before = hit(app, lcA)!.source.ageDays;
    now = new Date('2026-11-24T12:00:00Z');
    expect(hit(app, lcA)!.source.ageDays).toBe(before + 1);
    await app.close();
  });

  test('a shared answer cannot be changed through one lookup', async () => {
    const app = await testApp({ vpicPath: null });
    const first = hit(app, lcA)!;
    expect(() => {
      (first as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(hit(app, lcB)!.title).not.toBe('changed');
    await app.close();
  });

  test('once vPIC knows the WMI is of another make, the answer given before it knew is not reused', async () => {
    const app = await testApp({ vpicPath: null });
    let makes: string[] | null = null;
    const lookup = new LookupService(
      app.db,
      app.campaigns,
      () => new Date('2026-11-23T12:00:00Z'),
      () => makes,
    );
    const honda = makeVin('JHM', 'KPAAY', 2023, '0001234');
    const ask = () => lookup.lookup({ vin: honda, model: 'LC', productionMonth: '2022-12' }).campaigns.find((c) => c.code === '23LJ01');
    expect(ask()).toMatchObject({ makeConfirmed: false });
    makes = ['HONDA'];
    expect(ask()).toBeUndefined();
    await app.close();
  });
});
