// The order suggestions' in-stock CPOR lines are exactly what one lookup per stock vehicle says, although
// the suggestions look up only the vehicles a campaign with a per-VIN part can answer for (its VIN
// ranges, affected list, status rows, or model windows the vehicle can fit) and share one answer between
// VINs no row names. Checked against every stock vehicle looked up one by one: models on record that
// fit a window and that do not, none recorded, production months, conditions, a VIN on an affected list,
// a completed campaign, a VIN stored in lower case and one that does not decode.
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../main/parts/catalog';
import { suggestOrders } from '../../main/parts/suggest';
import type { Bulletin } from '../../shared/bulletin';
import { makeVin, sampleVins, syntheticLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

describe('in-stock CPOR lines at dealer size', () => {
  test('every in-stock line, and only those, that one lookup per stock vehicle gives', async () => {
    const app = await testApp({ vpicPath: null });
    const lib = syntheticLibrary(80, 2);
    for (const [c, b] of lib.bulletins.entries()) {
      const perVin: Bulletin['parts'][number] = {
        partNumber: `V${c}-****`,
        partNumberPerVin: true,
        description: 'Per-VIN part',
        quantity: 1,
        macCode: null,
        released: true,
        note: null,
      };
      const shelf: Bulletin['parts'][number] = { ...perVin, partNumber: `P${c}-A`, partNumberPerVin: false, description: 'Stock part' };
      b.parts = c % 4 === 0 ? [shelf, perVin] : c % 7 === 3 ? [{ ...shelf, partNumber: `C${c}`, macCode: 'C' }] : [shelf];
    }
    const s = app.db.sqlite;
    s.transaction(() => {
      for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
    })();
    const vins = sampleVins(lib, 600);
    // A VIN in a range of a campaign with no per-VIN part, whose model on record fits the model window
    // of one with a per-VIN part: its rows are not the wanted campaign's, its window is.
    const fitting = lib.bulletins.flatMap((b, c) =>
      c % 4 === 0 || c % 7 === 3
        ? []
        : b.vinRanges.flatMap((r) =>
            lib.bulletins.flatMap((w, k) => {
              const win = w.modelWindows[0];
              if (k % 4 !== 0 || !win || r.wmi !== 'JTH' || r.modelYear < win.modelYearFrom || r.modelYear > win.modelYearTo!) return [];
              return [{ vin: makeVin(r.wmi, r.vds, r.modelYear, r.serialFrom), model: win.model, month: `${win.modelYearFrom}-03`, code: w.code }];
            }),
          ),
    );
    expect(fitting.length).toBeGreaterThan(0);
    const windowed = fitting[0]!;
    // Models that fit the synthetic windows (X0-X6), models that do not, and none.
    const models = ['X0', 'X3', 'M4', '', null, null, 'X5 Hybrid'];
    const conditions = ['new', 'used', null];
    s.transaction(() => {
      const put = s.prepare(
        "INSERT OR IGNORE INTO vehicles (vin, stock_number, model, production_month, condition, in_stock, updated_at) VALUES (?, ?, ?, ?, ?, 1, 'now')",
      );
      vins.forEach((vin, i) => put.run(vin, i % 5 === 0 ? null : `S${i % 40}`, models[i % models.length], i % 3 === 0 ? '2009-10' : null, conditions[i % 3]));
      put.run(vins[0]!.toLowerCase(), 'S-lower', null, null, 'new');
      put.run(windowed.vin, 'S-window', windowed.model, windowed.month, 'new');
      put.run('JTHBE96S17000793O', 'S-bad', null, null, 'new');
      // A wanted campaign's affected list naming two stock VINs, and a completed campaign on another.
      const code = lib.bulletins[8]!.code;
      const id = app.campaigns.idForCode(code)!;
      const list = s
        .prepare("INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (?, '2026-10-01', 'test.csv', 'now', 2)")
        .run(id).lastInsertRowid;
      for (const vin of [vins[10]!, vins[11]!]) s.prepare("INSERT INTO affected_vins (vin, list_id, phase) VALUES (?, ?, '1')").run(vin, list);
      s.prepare(
        "INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, ?, 'completed-here', '2026-09-01', 'RO1', 'now')",
      ).run(vins[12]!, lib.bulletins[0]!.code);
    })();
    app.campaigns.invalidate();

    const wanted = new Set(
      loadCatalog(app.db, app.campaigns)
        .filter((c) => c.parts.some((p) => p.heldPerVin && p.released))
        .map((c) => c.code),
    );
    const expected: string[] = [];
    const stock = s.prepare<[], string>('SELECT vin FROM vehicles WHERE in_stock = 1 ORDER BY stock_number, vin').pluck().all();
    const byCampaign = new Map<string, string[]>();
    for (const vin of stock) {
      let hits: ReturnType<typeof app.lookup.lookup>['campaigns'];
      try {
        hits = app.lookup.lookup({ vin }).campaigns;
      } catch {
        continue;
      }
      for (const h of hits) {
        if (!wanted.has(h.code) || h.remedy.available !== true || (h.vehicleStatus && h.vehicleStatus.status !== 'open')) continue;
        const list = byCampaign.get(h.code) ?? [];
        list.push(`${h.code} ${vin.toUpperCase()}`);
        byCampaign.set(h.code, list);
      }
    }
    for (const c of loadCatalog(app.db, app.campaigns))
      for (const p of c.parts) if (p.heldPerVin && p.released && p.macCode !== 'D') expected.push(...(byCampaign.get(c.code) ?? []));

    const got = suggestOrders(app, { horizonDays: 14 })
      .lines.filter((l) => l.source === 'in-stock')
      .map((l) => `${l.campaign} ${l.vin}`);
    // The case is worth having: windows, lists and shared answers all give lines.
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.some((e) => e.endsWith(vins[10]!))).toBe(true);
    expect(expected).toContain(`${windowed.code} ${windowed.vin}`);
    expect(got).toEqual(expected);
    // Asked again (kept), and after a change to the stock (looked up again): the same.
    expect(suggestOrders(app, { horizonDays: 14 }).lines.filter((l) => l.source === 'in-stock').length).toBe(expected.length);
    s.prepare('UPDATE vehicles SET in_stock = 0 WHERE vin = ?').run(vins[10]!);
    const after = suggestOrders(app, { horizonDays: 14 })
      .lines.filter((l) => l.source === 'in-stock')
      .map((l) => `${l.campaign} ${l.vin}`);
    expect(after).toEqual(expected.filter((e) => !e.endsWith(` ${vins[10]!}`)));
  });
});
