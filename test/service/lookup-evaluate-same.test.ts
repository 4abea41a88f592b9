// The lean evaluation (main/lookup/evaluate.ts, compiled-library.ts, match.ts) answers exactly as the
// plain one it replaced (test/support/reference-evaluate.ts, kept verbatim): every campaign of the
// built-in library and of a synthetic window library, for many model years, regions, models, months
// (edges, open windows and months that are not YYYY-MM), stock records, make evidence, affected lists,
// VIN ranges and recorded statuses; then whole lookups through the service, asked twice (worked out,
// then the shared answer), against the reference's hits sorted the same way.
import { describe, expect, test } from 'vitest';
import { normalizeModel } from '../../shared/bulletin';
import type { CampaignHit } from '../../shared/lookup/contract';
import { ageInDays } from '../../shared/age';
import { analyzeVin } from '../../shared/vin';
import type { App } from '../../main/app';
import type { AffectedListInfo, WindowCandidate } from '../../main/campaigns/store';
import { type Candidates, compileCampaign, evaluate, planWindows, SharedValues, type Vehicle } from '../../main/lookup/evaluate';
import { makeFit } from '../../main/lookup/make';
import * as ref from '../support/reference-evaluate';
import { makeVin, rng, syntheticWindowLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

const REGIONS = ['North America', 'Japan', 'Europe', 'Asia', 'Other', ''] as const;
const CONDITIONS = [null, 'new', 'used', 'certified-pre-owned'] as const;

const NOW = new Date('2026-11-23T12:00:00Z');

async function libraryApp(): Promise<{ app: App; models: string[] }> {
  const app = await testApp({ vpicPath: null, now: () => NOW });
  const lib = syntheticWindowLibrary(300, 17);
  app.db.sqlite.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  return { app, models: lib.models };
}

/** Models as people state them: whole, families, built-in models, one no rule names, and none. */
function statedModels(models: string[]): (string | null)[] {
  const builtIn = ['LC', 'LC 500', 'RX 350', 'RX 330', 'LS 460', 'LS 600h L', 'IS 350', 'RC F', 'GX 470', 'ES'];
  return [...models.slice(0, 40), ...models.slice(0, 10).map((m) => m.slice(0, 2)), ...builtIn, 'ZZ 999', null];
}

/** Months around every window's edges and in between, none, and months that are not YYYY-MM. */
function months(year: number): (string | null)[] {
  const out: (string | null)[] = [
    null,
    '2022-11',
    '2022-12',
    '2007-02',
    '2008-02',
    '2022-1',
    '2022/05',
    'soon',
    '0000-00',
    '-123-05',
    '1e99-05',
    '9999-12',
    '2022-13',
  ];
  for (const y of [year - 2, year - 1, year, year + 1]) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const lists: (AffectedListInfo | null)[] = [
  null,
  { id: 1, campaignId: 0, date: '2024-05-01', complete: true, rows: 1234 },
  { id: 2, campaignId: 0, date: '2024-06-01', complete: false, rows: 10 },
];

describe('the lean evaluation answers as the plain one', () => {
  test('every campaign, alone and with its rows, for many models, years and months', { timeout: 120_000 }, async () => {
    const { app, models } = await libraryApp();
    const store = app.campaigns;
    const values = new SharedValues();
    const ids = app.db.sqlite.prepare('SELECT id FROM campaigns ORDER BY id').pluck().all() as number[];
    const lean = new Map(ids.map((id) => [id, compileCampaign(store.byId(id), values)]));
    const plain = new Map(ids.map((id) => [id, ref.compileCampaign(store.byId(id))]));
    const r = rng(11);
    let compared = 0;
    let hits = 0;
    const same = (a: CampaignHit | null, b: CampaignHit | null) => {
      expect(a).toEqual(b);
      compared++;
      if (a) hits++;
    };
    for (let year = 1999; year <= 2028; year++) {
      for (const region of REGIONS) {
        for (const model of statedModels(models)) {
          const key = model ? normalizeModel(model) : null;
          const byId = new Map<number, WindowCandidate[]>();
          for (const w of store.windowsFor(year, region, key)) byId.set(w.campaign_id, [...(byId.get(w.campaign_id) ?? []), w]);
          if (byId.size === 0) continue;
          // Each model with a few months (all of them for some), stock records and make evidence.
          const all = months(year);
          const asked = r() < 0.1 ? all : all.filter(() => r() < 0.15);
          for (const [id, ws] of byId) {
            const group = planWindows(lean.get(id)!, ws, year, key);
            const plan = ref.planWindows(plain.get(id)!, ws, year, key);
            expect(group === null).toBe(plan === null);
            if (!group || !plan) continue;
            for (const month of asked) {
              const condition = CONDITIONS[Math.floor(r() * 5) % 4]!;
              const v: Vehicle = { modelYear: year, model, modelKey: key, month, stock: r() < 0.3 ? { condition } : null };
              const makeConfirmed = r() < 0.5;
              const list = lists[Math.floor(r() * lists.length)]!;
              const age = Math.floor(r() * 900);
              same(
                evaluate(lean.get(id)!, group, v, makeConfirmed, list, age),
                ref.evaluate(plain.get(id)!, { ranges: [], plan, list: null, status: null }, v, makeConfirmed, list, age),
              );
              // With rows of its own: on the affected list (with and without a phase), or a recorded status.
              const listRow = { phase: r() < 0.5 ? null : '1', list_date: '2024-05-01', part_number: r() < 0.5 ? null : '04002-12345' };
              const rows: Candidates = { ranges: [], plan: group, list: listRow, status: null };
              same(
                evaluate(lean.get(id)!, rows, v, makeConfirmed, list, age),
                ref.evaluate(plain.get(id)!, { ranges: [], plan, list: listRow, status: null }, v, makeConfirmed, list, age),
              );
              const status = {
                status: (['open', 'completed-here', 'completed-elsewhere', 'not-applicable'] as const)[Math.floor(r() * 4)]!,
                completedOn: '2024-02-03',
                repairOrder: r() < 0.5 ? 'RO-9' : null,
              };
              const withStatus: Candidates = { ranges: [], plan: group, list: null, status };
              same(
                evaluate(lean.get(id)!, withStatus, v, makeConfirmed, list, age),
                ref.evaluate(plain.get(id)!, { ranges: [], plan, list: null, status }, v, makeConfirmed, list, age),
              );
            }
          }
        }
      }
    }
    // Campaigns met by a VIN range (no window plan), with and without a list and a status.
    for (const id of ids) {
      const range = { model: 'RX 350', model_year: 2010, phase: r() < 0.5 ? '1' : null, serial_from: '0000100', serial_to: '0009999' };
      for (const month of [null, '2009-11']) {
        for (const condition of CONDITIONS) {
          const v: Vehicle = { modelYear: 2010, model: null, modelKey: null, month, stock: { condition } };
          const cand: Candidates = { ranges: [range], plan: null, list: null, status: null };
          same(evaluate(lean.get(id)!, cand, v, true, lists[1]!, 3), ref.evaluate(plain.get(id)!, cand, v, true, lists[1]!, 3));
          const listed: Candidates = { ranges: [range], plan: null, list: { phase: null, list_date: '2024-01-02', part_number: null }, status: null };
          same(evaluate(lean.get(id)!, listed, v, false, lists[2]!, 3), ref.evaluate(plain.get(id)!, listed, v, false, lists[2]!, 3));
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
    expect(hits).toBeGreaterThan(5_000);
    await app.close();
  });

  test('whole lookups, worked out and then shared, hit for hit as the plain evaluation sorts them', { timeout: 120_000 }, async () => {
    const { app, models } = await libraryApp();
    const store = app.campaigns;
    const plain = new Map<number, ref.CompiledCampaign>();
    const compiled = (id: number) => plain.get(id) ?? plain.set(id, ref.compileCampaign(store.byId(id))).get(id)!;
    const r = rng(23);
    const wmis = ['JTH', '2T2', 'JTJ', '1HG', 'WBA', 'KMH', '5YJ'];
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const year = 2000 + Math.floor(r() * 27);
      const vin = makeVin(wmis[i % wmis.length]!, 'AB1C2', year, String(Math.floor(r() * 9_999_999)).padStart(7, '0'));
      const stated = statedModels(models);
      const model = stated[Math.floor(r() * stated.length)]!;
      const allMonths = months(year);
      const month = allMonths[Math.floor(r() * allMonths.length)]!;
      const q = { vin, model, productionMonth: month };
      const first = app.lookup.lookup(q);
      const again = app.lookup.lookup(q);
      expect(again.campaigns).toEqual(first.campaigns);
      // The VIN meets no range, list or status: its hits are its model windows'.
      if (first.campaigns.some((h) => h.matchedBy !== 'model-window')) continue;
      const a = analyzeVin(vin);
      if (!a.ok) throw new Error(`test made an invalid VIN ${vin}`);
      const key = model ? normalizeModel(model) : null;
      const v = { modelYear: a.modelYear, model, modelKey: key, month, stock: null };
      const byId = new Map<number, WindowCandidate[]>();
      for (const w of store.windowsFor(a.modelYear, a.region ?? '', key)) byId.set(w.campaign_id, [...(byId.get(w.campaign_id) ?? []), w]);
      const expected: CampaignHit[] = [];
      for (const [id, ws] of byId) {
        const k = compiled(id);
        const plan = ref.planWindows(k, ws, a.modelYear, key);
        const fit = makeFit(k.makeKey, k.wmis, a.parts.wmi, { decodedMake: null, wmiMakes: null });
        if (!plan || fit === 'no') continue;
        const hit = ref.evaluate(k, { ranges: [], plan, list: null, status: null }, v, fit === 'yes', store.listFor(id), ageInDays(k.revisionDate, NOW));
        if (hit) expected.push(hit);
      }
      expected.sort(ref.byUrgency);
      expect(first.campaigns).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
    await app.close();
  });
});
