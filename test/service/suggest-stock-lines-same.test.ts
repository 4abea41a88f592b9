// Every field of every in-stock CPOR line (key, numbers, quantity, reason, source) is what one lookup of
// that vehicle on its own says, although the suggestions share one answer between the VINs of a key and
// put each line together from pieces shared by a part's lines. A varied stock: stock numbers and none,
// three conditions and none, campaigns whose delivery rules differ by condition, phases with other names,
// an affected list that gives per-VIN part numbers (and one that fits no pattern), a vehicle booked in the
// horizon (its booked line instead), one booked before today that never arrived, a CPOR order already
// recorded for one vehicle and a receipt for another (no line), a quantity of 2 per vehicle.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { loadCatalog } from '../../main/parts/catalog';
import { suggestOrders } from '../../main/parts/suggest';
import type { SuggestionLine } from '../../shared/parts/contract';
import type { CONDITION_LABEL } from '../../shared/wording';
import { BEFORE, expectedStockLine, withStockParts } from '../support/stock-parts';
import { sampleVins, syntheticLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

async function varied(): Promise<{ app: App; vins: string[] }> {
  const app = await testApp({ vpicPath: null });
  const lib = syntheticLibrary(60, 2, 11);
  for (const [c, b] of lib.bulletins.entries()) {
    withStockParts(b, c, { doubleEvery: 8, conditions: 3 });
  }
  const s = app.db.sqlite;
  s.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  const vins = sampleVins(lib, 900, 5);
  const conditions = ['new', 'used', 'certified-pre-owned', null];
  s.transaction(() => {
    const put = s.prepare(
      "INSERT OR IGNORE INTO vehicles (vin, stock_number, model, production_month, condition, in_stock, updated_at) VALUES (?, ?, ?, ?, ?, 1, 'now')",
    );
    vins.forEach((vin, i) => put.run(vin, i % 6 === 0 ? null : `S${i}`, null, i % 5 === 0 ? '2009-10' : null, conditions[i % 4]));
  })();
  return { app, vins };
}

describe('in-stock CPOR lines, every field', () => {
  test('each line is what the vehicle looked up on its own gives, with the ledger, the lists and the bookings', async () => {
    const { app, vins } = await varied();
    const s = app.db.sqlite;
    const catalog = loadCatalog(app.db, app.campaigns);
    const perVinParts = catalog.flatMap((c) => c.parts.filter((p) => p.heldPerVin && p.released && p.macCode !== 'D').map((p) => ({ c, p })));
    // Which stock vehicles a per-VIN campaign answers for (looked up one by one), to place the data below on them.
    const answered = (code: string) =>
      vins.filter((vin) => {
        try {
          return app.lookup.lookup({ vin }).campaigns.some((h) => h.code === code && h.remedy.available === true);
        } catch {
          return false;
        }
      });
    const withList = perVinParts.find(({ c, p }) => p.isPattern && answered(c.code).length >= 6)!;
    expect(withList).toBeDefined();
    const [listed1, listed2, notFitting, booked, ordered, received] = answered(withList.c.code);
    const pn = withList.p.partNumber!;
    const prefix = pn.slice(0, pn.indexOf('-'));
    s.transaction(() => {
      const id = app.campaigns.idForCode(withList.c.code)!;
      const list = s
        .prepare("INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (?, '2026-10-01', 'list.csv', 'now', 3)")
        .run(id).lastInsertRowid;
      const row = s.prepare("INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES (?, ?, '1', ?, 'open')");
      row.run(listed1, list, `${prefix}-12345`);
      row.run(listed2, list, `${prefix}-54321`);
      row.run(notFitting, list, '99999-00000');
      // Booked in the horizon for the campaign (a booked line), and one before today that never arrived.
      const appt = s.prepare("INSERT INTO appointments (vin, at, status, created_at, updated_at) VALUES (?, ?, 'booked', 'now', 'now')");
      const ac = s.prepare('INSERT INTO appointment_campaigns (appointment_id, campaign_code, remedy_available, warning) VALUES (?, ?, 1, NULL)');
      ac.run(appt.run(booked, '2026-11-25T09:00').lastInsertRowid, withList.c.code);
      ac.run(appt.run(vins[1], '2026-11-02T09:00').lastInsertRowid, withList.c.code);
      const move = s.prepare("INSERT INTO stock_movements (part, part_number, kind, quantity, vin, made_by, made_at) VALUES (?, ?, ?, ?, ?, 'test', 'now')");
      move.run(pn, pn, 'order', 1, ordered);
      move.run(pn, `${prefix}-11111`, 'receive', withList.p.quantity ?? 1, received);
    })();
    app.campaigns.invalidate();

    const got = suggestOrders(app, { horizonDays: 14 });
    const inStock = got.lines.filter((l) => l.source === 'in-stock');
    const expected: SuggestionLine[] = [];
    const stock = s
      .prepare<[], { vin: string; stock_number: string | null; condition: keyof typeof CONDITION_LABEL | null }>(
        'SELECT vin, stock_number, condition FROM vehicles WHERE in_stock = 1 ORDER BY stock_number, vin',
      )
      .all();
    for (const { c, p } of perVinParts) {
      const n = p.quantity ?? 1;
      for (const v of stock) {
        if (v.vin === booked && c.code === withList.c.code) continue;
        if ((v.vin === ordered || v.vin === received) && p.partNumber === pn) continue;
        const hit = app.lookup.lookup({ vin: v.vin }).campaigns.find((h) => h.code === c.code);
        if (hit?.remedy.available !== true || (hit.vehicleStatus && hit.vehicleStatus.status !== 'open')) continue;
        const rule = hit.delivery.find((d) => d.condition === v.condition)?.rule ?? 'no-rule-stated';
        const why = hit.affectedList?.listed ? `on the affected list of ${hit.affectedList.date}` : `${hit.remedy.phaseName} launched`;
        const number = p.partNumber === pn ? ({ [listed1!]: `${prefix}-12345`, [listed2!]: `${prefix}-54321` } as Record<string, string>)[v.vin] : undefined;
        const how = p.isPattern ? 'per-VIN part number: CPOR gives it' : 'MAC code C: order through CPOR';
        expected.push(
          expectedStockLine({
            code: c.code,
            part: p.partNumber!,
            vin: v.vin,
            quantity: n,
            listedNumber: number ?? null,
            how,
            why,
            before: BEFORE[rule],
            stockNumber: v.stock_number,
            condition: v.condition,
          }),
        );
      }
    }
    // The case is worth having: many lines, each condition, list numbers, both phase names.
    expect(expected.length).toBeGreaterThan(200);
    expect(new Set(expected.map((l) => l.reason.split(',')[0]!.replace(/#S\d+ /, ''))).size).toBeGreaterThanOrEqual(4);
    expect(expected.filter((l) => l.partNumber !== l.part)).toHaveLength(2);
    expect(inStock).toEqual(expected);
    // The booked vehicle's line is its booking's; the past booking is named, not counted.
    expect(got.lines.find((l) => l.vin === booked && l.campaign === withList.c.code)?.source).toBe('booked');
    // Asked again (kept lines): the same.
    expect(suggestOrders(app, { horizonDays: 14 }).lines.filter((l) => l.source === 'in-stock')).toEqual(expected);
  });
});
