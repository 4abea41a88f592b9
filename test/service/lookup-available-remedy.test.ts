// The order suggestions' stock asks the lookup only whether a campaign's remedy is available for a
// vehicle (availableRemedy, LookupService.knownPicks): the same match and remedy as the hit the lookup
// words (evaluate, lookup), without the wording. Checked against evaluate() for every campaign of a
// synthetic window library and of the built-in library (windows, ranges, affected lists with and without
// a phase, statuses, months at window edges), and against the per-VIN lookup for a stock with every kind
// of row, for all campaigns and for only some.
import { describe, expect, test } from 'vitest';
import { normalizeModel } from '../../shared/bulletin';
import type { CampaignHit } from '../../shared/lookup/contract';
import type { AffectedListInfo, WindowCandidate } from '../../main/campaigns/store';
import { availableRemedy, type Candidates, compileCampaign, evaluate, planWindows, SharedValues, type Vehicle } from '../../main/lookup/evaluate';
import type { PickHit, VehicleColumns } from '../../main/lookup/service';
import { ok } from '../support/envelope';
import { makeVin, rng, syntheticWindowLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const NOW = new Date('2026-11-23T12:00:00Z');
const REGIONS = ['North America', 'Japan', 'Europe', 'Asia', 'Other', ''] as const;
const CONDITIONS = [null, 'new', 'used', 'certified-pre-owned'] as const;
const LISTS: (AffectedListInfo | null)[] = [null, { id: 1, campaignId: 0, date: '2024-05-01', complete: true, rows: 1234 }];

/** What a hit says of its remedy for the suggestions: the remedy when available, else null. */
const availableOf = (hit: CampaignHit | null) => (hit && hit.remedy.available === true ? hit.remedy : null);

describe('availableRemedy', () => {
  test("is the remedy of evaluate()'s hit when it is available, and null otherwise", { timeout: 120_000 }, async () => {
    const app = await testApp({ vpicPath: null, now: () => NOW });
    const lib = syntheticWindowLibrary(120, 29);
    app.db.sqlite.transaction(() => {
      for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
    })();
    const store = app.campaigns;
    const values = new SharedValues();
    const ids = app.db.sqlite.prepare<[], number>('SELECT id FROM campaigns ORDER BY id').pluck().all();
    const compiled = new Map(ids.map((id) => [id, compileCampaign(store.byId(id), values)]));
    const r = rng(5);
    let available = 0;
    let notAvailable = 0;
    const same = (cand: Candidates, id: number, v: Vehicle) => {
      const k = compiled.get(id)!;
      const list = LISTS[Math.floor(r() * LISTS.length)]!;
      // Asked before and after a hit is worded: the wording made on the way changes nothing.
      const before = availableRemedy(k, cand, v);
      const expected = availableOf(evaluate(k, cand, v, r() < 0.5, list, 10));
      expect(before).toBe(expected);
      expect(availableRemedy(k, cand, v)).toBe(expected);
      if (expected) available++;
      else notAvailable++;
    };
    const models = [...lib.models.slice(0, 20), ...lib.models.slice(0, 5).map((m) => m.slice(0, 2)), 'LC', 'LC 500', 'RX 350', 'ES', 'ZZ 999', null];
    for (let year = 2005; year <= 2026; year++) {
      for (const region of REGIONS) {
        for (const model of models) {
          const key = model ? normalizeModel(model) : null;
          const byId = new Map<number, WindowCandidate[]>();
          for (const w of store.windowsFor(year, region, key)) byId.set(w.campaign_id, [...(byId.get(w.campaign_id) ?? []), w]);
          for (const [id, ws] of byId) {
            const group = planWindows(compiled.get(id)!, ws, year, key);
            if (!group) continue;
            for (const month of [null, `${year - 1}-12`, `${year}-01`, `${year}-06`, `${year - 1}-09`, 'soon']) {
              const v: Vehicle = { modelYear: year, model, modelKey: key, month, stock: r() < 0.5 ? { condition: CONDITIONS[Math.floor(r() * 4)]! } : null };
              same(group, id, v);
              // On an affected list (with and without a phase), or with a recorded status.
              const listRow = { phase: r() < 0.5 ? null : String(1 + Math.floor(r() * 3)), list_date: '2024-05-01', part_number: null };
              same({ ranges: [], plan: group, list: listRow, status: null }, id, v);
              const status = (['open', 'completed-here'] as const)[Math.floor(r() * 2)]!;
              same({ ranges: [], plan: group, list: null, status: { status, completedOn: null, repairOrder: null } }, id, v);
            }
          }
        }
      }
    }
    // Met by a VIN range, with a stated phase, an unknown one and none; and by a list row alone.
    for (const id of ids) {
      for (const phase of ['1', '2', '9', null]) {
        const v: Vehicle = { modelYear: 2010, model: null, modelKey: null, month: null, stock: null };
        const range = { model: 'RX 350', model_year: 2010, phase, serial_from: '0000100', serial_to: '0009999' };
        same({ ranges: [range], plan: null, list: null, status: null }, id, v);
        same({ ranges: [], plan: null, list: { phase, list_date: '2024-01-02', part_number: null }, status: null }, id, v);
      }
      same({ ranges: [], plan: null, list: null, status: null }, id, { modelYear: 2010, model: null, modelKey: null, month: null, stock: null });
    }
    expect(available).toBeGreaterThan(1000);
    expect(notAvailable).toBeGreaterThan(500);
    await app.close();
  });
});

const GS = (serial: string) => makeVin('JTH', 'BE96S', 2007, serial);
const RX = (serial: string) => makeVin('2T2', 'HA31U', 2005, serial);
const LC = (serial: string) => makeVin('JTH', 'KPAAY', 2023, serial);
const COLUMNS = 'vin, model, condition, stock_number, production_month, last_service_date, in_stock';

/** A PickHit as a whole hit gives it. */
const pickOf = (h: PickHit): PickHit => ({
  code: h.code,
  vehicleStatus: h.vehicleStatus,
  remedy: h.remedy,
  affectedList: h.affectedList && { date: h.affectedList.date, listed: h.affectedList.listed },
  delivery: h.delivery,
});
const byCode = (a: PickHit, b: PickHit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

test("knownPicks answers the per-VIN lookup's hits with an available remedy, of the campaigns asked about", { timeout: 60_000 }, async () => {
  const app = await testApp({ vpicPath: null });
  const csv = [
    'Stock #,VIN,Year,Model,Prod Date,New/Used',
    `S01,${GS('0007930')},2007,GS 350,,U`,
    `S02,${GS('0008000')},2007,,,CPO`,
    `S03,${GS('0005000')},2007,GS 350,,N`,
    `S04,${RX('0100001')},2005,RX 330,,U`,
    `S05,${RX('0100002')},2005,,,N`,
    `S06,${LC('0200000')},2023,LC,12/22,N`,
    `S07,${LC('0200001')},2023,LC,,U`,
    `S08,${LC('0200002')},2023,LC 500,11/22,CPO`,
    `S09,${LC('0200003')},2023,,,`,
  ].join('\n');
  const p = await ok<{ importId: string }>(app.dispatch('previewVehicles', { fileName: 'dms.csv', content: csv, inStock: 'add', mapping: {} }));
  expect((await app.jobs.wait((await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: p.importId }))).jobId)).state).toBe('done');
  // 23LJ01's list (only launched phases are listed: a listed VIN's remedy is available), with and without a phase; a completed campaign.
  const list = await ok<{ importId: string }>(
    app.dispatch('previewVinList', {
      campaign: '23LJ01',
      fileName: 'tis.csv',
      content: `VIN,Phase\n${LC('0200001')},6\n${LC('0200003')},\n`,
      listDate: '2026-10-01',
    }),
  );
  expect((await app.jobs.wait((await ok<{ jobId: string }>(app.dispatch('commitImport', { importId: list.importId }))).jobId)).state).toBe('done');
  app.db.sqlite
    .prepare(
      "INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, 'BLC', 'completed-here', '2026-09-01', 'RO1', 'now')",
    )
    .run(RX('0100002'));
  // A VIN stored in lower case: looked up as ever.
  app.db.sqlite.prepare("INSERT INTO vehicles (vin, stock_number, in_stock, updated_at) VALUES (?, 'S10', 1, 'now')").run(GS('0009000').toLowerCase());
  app.campaigns.invalidate();
  const ids = app.db.sqlite.prepare<[], number>('SELECT id FROM campaigns ORDER BY id').pluck().all();
  const some = new Set([app.campaigns.idForCode('23LJ01')!, app.campaigns.idForCode('ALE')!]);
  const picked: string[] = [];
  for (const among of [new Set(ids), some]) {
    const answers = app.lookup.batch(() => {
      const rows = app.db.sqlite.prepare<[], VehicleColumns>(`SELECT ${COLUMNS} FROM vehicles WHERE in_stock = 1 ORDER BY vin`).all();
      const batch = app.lookup.knownBatch('in-stock');
      return rows.map((v) => ({ v, picks: app.lookup.knownPicks(batch, v, among), single: app.lookup.lookup({ vin: v.vin }) }));
    });
    expect(answers.length).toBe(10);
    for (const { v, picks, single } of answers) {
      const expected = single.campaigns
        .filter((h) => h.remedy.available === true && among.has(app.campaigns.idForCode(h.code) ?? -1))
        .map(pickOf)
        .sort(byCode);
      // A VIN stored otherwise is looked up as ever: its whole answer, which the suggestions sort out themselves.
      const got = picks.campaigns
        .filter((h) => h.remedy.available === true && among.has(app.campaigns.idForCode(h.code) ?? -1))
        .map(pickOf)
        .sort(byCode);
      expect(got, v.vin).toEqual(expected);
      expect({ vin: picks.vin, vehicle: picks.vehicle && { ...picks.vehicle } }).toEqual({
        vin: single.vin,
        vehicle: single.vehicle && { stockNumber: single.vehicle.stockNumber, condition: single.vehicle.condition },
      });
      if (v.vin === v.vin.toUpperCase())
        expect(picks.campaigns.every((h) => h.remedy.available === true && among.has(app.campaigns.idForCode(h.code) ?? -1))).toBe(true);
      for (const h of got) {
        const what = [among.size === ids.length ? 'all' : 'some', h.code, h.affectedList?.listed ? 'listed' : '', h.vehicleStatus?.status ?? ''];
        picked.push(what.filter(Boolean).join(' '));
      }
    }
  }
  // The case is worth having: a range (BLC), a window (23LJ01) and the list give picks, a completed campaign's
  // status comes with its pick, and the campaigns not asked about give none.
  expect(picked).toEqual(expect.arrayContaining(['all BLC', 'all BLC completed-here', 'all 23LJ01', 'all 23LJ01 listed', 'some 23LJ01 listed']));
  expect(picked.some((p) => p.startsWith('some BLC'))).toBe(false);
  await app.close();
});
