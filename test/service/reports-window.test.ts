// The dealer-sized lists a window at a time (issue 17), with the view applied by the services (issue 16):
// the screen sends its search, filters, sort and grouping, the services keep the view worked out for the
// kept report, and each window is a slice of exactly what Print / Save PDF and the CSV use (the same
// `holdsShown` / `followUpShown` over the same report). A change in the data makes a new report.
// Real SQLite files, the real dispatch.
import { expect, test, vi } from 'vitest';
import type { App } from '../../main/app';
import { VEHICLES_PER_STEP } from '../../main/reports/holds';
import { reportsOf } from '../../main/reports/service';
import type { RenderedForm } from '../../shared/forms/contract';
import type { FollowUpViewInput, HoldViewInput } from '../../shared/reports/view';
import { decodeFollowUp, decodeHolds } from '../../shared/reports/parts';
import { flatRows, followUpShown, groupByVin, holdsShown } from '../../shared/reports/view';
import { ok } from '../support/envelope';
import { call, importVehicles, LC } from '../support/lane';
import { serviceCsv, stockCsv } from '../support/synthetic';
import { testApp } from '../support/tempdb';

/** Every window of a view, `size` entries at a time, as a screen scrolling to the bottom asks for them. */
async function holdWindows(app: App, view: HoldViewInput, size: number) {
  const parts = [];
  for (let from = 0; ; from += size) {
    const p = await call(app, 'holdReportPart', { from, count: size, view });
    parts.push(p);
    if (from + size >= p.total) break;
  }
  return parts;
}

async function followUpWindows(app: App, view: FollowUpViewInput, size: number) {
  const parts = [];
  for (let from = 0; ; from += size) {
    const p = await call(app, 'followUpPart', { from, count: size, view });
    parts.push(p);
    if (from + size >= p.total) break;
  }
  return parts;
}

const DEALER = { name: 'Lexus of Springfield', address: '100 Main Street\nSpringfield, IL 62701', code: '64123', phone: '(217) 555-0100' };

/** A dealer with settings (papers print) and stock of `n` synthetic vehicles, plus an LC of unknown condition (two 23LJ01 holds). */
async function stocked(n: number): Promise<App> {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer: DEALER }));
  await importVehicles(app, stockCsv(n), 'add');
  await importVehicles(app, ['Stock #,VIN,Year,Model,Prod Date,New/Used', `C0,${LC},2023,LC,12/22,`].join('\r\n'), 'add');
  return app;
}

const html = async (app: App, req: object) => (await ok<RenderedForm>(app.dispatch('renderForm', req))).html;
/** The stock numbers of the printed table's lines, top to bottom. */
const stockColumn = (h: string) => [...h.matchAll(/(?<!<th>)<div class="ln">(\S*)/g)].map((m) => m[1]);

test("a window of the hold report is a slice of the screen's view, the one the print and the CSV use", async () => {
  const app = await stocked(150);
  const whole = await call(app, 'holdReport', {});
  const view: HoldViewInput = { campaign: 'BLC', sort: { column: 'stock', descending: true } };
  const expected = flatRows(holdsShown(whole.holds, view));
  expect(expected.length).toBeGreaterThan(20);
  expect(expected.length).toBeLessThan(whole.holds.length);

  const parts = await holdWindows(app, view, 10);
  expect(parts.length).toBeGreaterThan(2);
  for (const p of parts) {
    expect([p.total, p.reportTotal, p.grouped, p.generatedAt]).toEqual([expected.length, whole.holds.length, false, whole.generatedAt]);
    expect(p.holds.length).toBeLessThanOrEqual(10);
    // Each window carries only its own texts, each once.
    expect(new Set(p.texts).size).toBe(p.texts.length);
    expect(p.texts.length).toBeLessThanOrEqual(4);
  }
  expect(parts.flatMap(decodeHolds)).toEqual(expected);
  // The paper shows the same lines in the same order.
  const printed = stockColumn(await html(app, { kind: 'holds', view }));
  expect(printed).toEqual(expected.map((h) => h.stockNumber));

  // A search: the services look in the VIN, the stock number and the model, as the screen did.
  const searched = await call(app, 'holdReportPart', { from: 0, count: 50, view: { search: 'S000010' } });
  expect(decodeHolds(searched).map((h) => h.stockNumber)).toEqual(flatRows(holdsShown(whole.holds, { search: 'S000010' })).map((h) => h.stockNumber));
  expect(searched.total).toBeGreaterThan(0);
});

test('grouped, a window counts vehicles and brings each vehicle with all its holds', async () => {
  const app = await stocked(150);
  const whole = await call(app, 'holdReport', {});
  const view: HoldViewInput = { grouped: true, sort: { column: 'hold', descending: false } };
  const shown = holdsShown(whole.holds, view);
  if (!shown.grouped) throw new Error('grouped view expected');
  const parts = await holdWindows(app, view, 7);
  expect(parts[0]!.total).toBe(shown.vehicles.length);
  expect(parts[0]!.total).toBe(whole.vehiclesHeld);
  expect(parts.every((p) => p.grouped)).toBe(true);
  const vehicles = parts.flatMap((p) => groupByVin(decodeHolds(p)));
  expect(parts.every((p) => groupByVin(decodeHolds(p)).length <= 7)).toBe(true);
  expect(vehicles).toEqual(shown.vehicles);
  // At least one vehicle with two holds came whole, in one window.
  expect(vehicles.some((v) => v.rows.length > 1)).toBe(true);
});

test("the follow-up list's window: every row filtered by the screen's view (booked, campaign, search, sort), as printed", async () => {
  const app = await testApp();
  await ok(app.dispatch('saveSettings', { dealer: DEALER }));
  await importVehicles(app, serviceCsv(80), 'none');
  const whole = await call(app, 'followUpList', { booked: 'all' });
  const view: FollowUpViewInput = { booked: 'not-booked', campaign: 'BLC', sort: { column: 'guest', descending: true } };
  const expected = flatRows(followUpShown(whole.rows, view));
  expect(expected.length).toBeGreaterThan(5);
  const parts = await followUpWindows(app, view, 4);
  expect(parts.flatMap(decodeFollowUp)).toEqual(expected);
  expect(parts.every((p) => p.total === expected.length && p.reportTotal === whole.rows.length)).toBe(true);
  // The summary the screen shows above the list comes with the first window.
  expect(parts[0]!.perCampaign).toEqual(whole.perCampaign);
  expect(parts[0]!.vehiclesServiced).toBe(whole.vehiclesServiced);
  const printed = await html(app, { kind: 'followup', view });
  const guests = expected.map((r) => r.guestName!);
  const at = guests.map((g) => printed.indexOf(g));
  expect(at.every((i) => i > 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});

test('a change in the data makes a new report: the same window answers with the new rows', async () => {
  const app = await testApp();
  await importVehicles(app, stockCsv(40), 'add');
  const view: HoldViewInput = { sort: { column: 'stock', descending: true } };
  const before = await call(app, 'holdReportPart', { from: 0, count: 5, view });
  // Asked again, unchanged: the kept report, the same window.
  const again = await call(app, 'holdReportPart', { from: 0, count: 5, view });
  expect(again.generatedAt).toBe(before.generatedAt);
  await importVehicles(app, stockCsv(20, 40), 'add');
  const after = await call(app, 'holdReportPart', { from: 0, count: 5, view });
  expect(after.total).toBeGreaterThan(before.total);
  expect(decodeHolds(after).map((h) => h.stockNumber)).not.toEqual(decodeHolds(before).map((h) => h.stockNumber));
  const whole = await call(app, 'holdReport', {});
  expect(after.total).toBe(whole.holds.length);
});

test('a long-running host makes the reports ahead, a step at a time: requests are answered meanwhile, and the first window then costs no lookup', async () => {
  const app = await testApp();
  await importVehicles(app, stockCsv(VEHICLES_PER_STEP * 2 + 10), 'add');
  await importVehicles(app, serviceCsv(50), 'none');
  const reports = reportsOf(app);
  // Every vehicle's lookup, by either path (one VIN, or one vehicle of the report's batch).
  const one = vi.spyOn(app.lookup, 'lookup');
  const batch = vi.spyOn(app.lookup, 'lookupKnown');
  const lookups = {
    mock: {
      calls: {
        get length() {
          return one.mock.calls.length + batch.mock.calls.length;
        },
      },
    },
  };
  const stop = reports.keepWarm();
  try {
    // Let the making begin, then ask for something else: it is answered before the making is over.
    while (lookups.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    const campaigns = await call(app, 'listCampaigns', {});
    expect(campaigns.length).toBeGreaterThan(0);
    expect(lookups.mock.calls.length).toBeLessThan(VEHICLES_PER_STEP * 2 + 10);
    await reports.ready('holds');
    await reports.ready('followup');
    const made = lookups.mock.calls.length;
    expect(made).toBe(VEHICLES_PER_STEP * 2 + 10 + 50);
    const first = await call(app, 'holdReportPart', { from: 0, count: 100, view: {} });
    const follow = await call(app, 'followUpPart', { from: 0, count: 100, view: { booked: 'not-booked' } });
    expect(first.total).toBeGreaterThan(VEHICLES_PER_STEP * 2);
    expect(follow.total).toBeGreaterThan(0);
    expect(lookups.mock.calls.length).toBe(made);
  } finally {
    stop();
  }
});
