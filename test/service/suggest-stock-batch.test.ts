// The order suggestions' stock step reads the stock's rows as the hold report does (a few set statements
// for the whole stock, LookupService.knownBatch) and looks up only one vehicle per shared answer. Every
// in-stock line, every field, is checked against the per-VIN path: each stock vehicle looked up on its
// own (`lookup({ vin })`), before vPIC opens and after (makes known per WMI). A varied stock: several makes
// (Lexus campaigns, one Honda campaign limited to its WMI, VINs of ten WMIs), the built-in bulletins'
// vehicles, VINs on an affected list (with and without a per-VIN number), open and completed status
// rows, a status row of a campaign without a per-VIN part, models on record that fit a window and that
// do not, production months, conditions, stock numbers and none, a VIN stored in lower case, one that
// does not decode, and a vehicle on a list that is no longer in stock.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { loadCatalog } from '../../main/parts/catalog';
import { suggestOrders } from '../../main/parts/suggest';
import type { SuggestionLine } from '../../shared/parts/contract';
import type { CONDITION_LABEL } from '../../shared/wording';
import { BEFORE, expectedStockLine, withStockParts } from '../support/stock-parts';
import { makeVin, sampleVins, syntheticLibrary } from '../support/synthetic';
import { testApp } from '../support/tempdb';

let app: App;
beforeEach(async () => {
  app = await testApp();
});
afterEach(async () => {
  await app.close();
});

async function variedStock(): Promise<{
  listed: string[];
  numbered: string;
  completed: { vin: string; code: string };
  edges: string[];
  edgeCode: string;
}> {
  const lib = syntheticLibrary(90, 2, 5);
  for (const [c, b] of lib.bulletins.entries()) {
    withStockParts(b, c, { doubleEvery: 9, conditions: 2 });
    // Another make: a Honda campaign for its own WMI (a Lexus VIN in its ranges is not a hit).
    if (c % 10 === 3) {
      b.make = 'Honda';
      b.wmis = ['1HG'];
    }
  }
  const s = app.db.sqlite;
  s.transaction(() => {
    for (const b of lib.bulletins) app.campaigns.upsert(b, 'imported');
  })();
  const wanted = lib.bulletins.filter((_, c) => c % 3 === 0);
  // Fitting the synthetic windows (X0-X6) and not, and none; months and conditions.
  const models = ['X0', 'X3', 'M4', '', null, null, 'X5 Hybrid', 'GS 350'];
  const conditions = ['new', 'used', 'certified-pre-owned', null];
  const vins = [...new Set(sampleVins(lib, 900, 3))];
  // The built-in bulletins' vehicles: ALE's GS 350s, a 2023 LC built 12/22 (23LJ01) and a Toyota LC-like VIN.
  const builtIn = [makeVin('JTH', 'BE96S', 2007, '0010001'), makeVin('JTH', 'BE96S', 2007, '0010002'), makeVin('JTH', 'KPAAY', 2023, '0300001')];
  const toyota = makeVin('JTD', 'KPAAY', 2023, '0300002');
  const listedOut = vins[899]!;
  const edge = wanted[4]!.vinRanges[0]!;
  const at = (n: number) => String(n).padStart(7, '0');
  const [from, to] = [Number(edge.serialFrom), Number(edge.serialTo)];
  const edges = [at(from), at(from + 1), at(to), at(from - 1), at(to + 1)];
  const edgeVin = (i: number) => makeVin(edge.wmi, edge.vds, edge.modelYear, edges[i]!);
  const second = wanted[4]!.vinRanges[1]!;
  const lastOfOther = makeVin(second.wmi, second.vds, second.modelYear, second.serialTo);
  const listed = [vins[10]!, vins[11]!, vins[12]!];
  s.transaction(() => {
    const put = s.prepare(
      "INSERT OR IGNORE INTO vehicles (vin, stock_number, model, production_month, condition, in_stock, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'now')",
    );
    vins.forEach((vin, i) =>
      put.run(vin, i % 6 === 0 ? null : `S${i % 50}`, models[i % models.length], i % 5 === 0 ? '2009-10' : null, conditions[i % 4], vin === listedOut ? 0 : 1),
    );
    put.run(builtIn[0], 'B1', null, null, 'used', 1);
    put.run(builtIn[1], 'B2', 'GS 350', '2006-11', 'new', 1);
    put.run(builtIn[2], 'B3', 'LC 500', '2022-12', 'new', 1);
    put.run(toyota, 'T1', 'LC 500', '2022-12', 'new', 1);
    put.run(makeVin('JTH', 'BE96S', 2007, '0010003').toLowerCase(), 'S-lower', null, null, 'new', 1);
    // At a wanted campaign's range ends (first serial, the one after, last, the ones just outside), with one key
    // (condition, month, model): the first in stock order is looked up, the others share its answer unless a row of their own says otherwise.
    for (const [i, serial] of edges.entries()) put.run(makeVin(edge.wmi, edge.vds, edge.modelYear, serial), `A${i}`, null, null, 'new', 1);
    // The last serial of another of its ranges, with no row of its own.
    put.run(lastOfOther, 'A5', null, null, 'new', 1);
    put.run('JTHBE96S17000793O', 'S-bad', null, null, 'new', 1);
    // An affected list of a wanted campaign: one VIN with a per-VIN number, two without, one no longer in stock.
    const code = wanted[1]!.code;
    const list = s
      .prepare("INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (?, '2026-10-01', 'list.csv', 'now', 4)")
      .run(app.campaigns.idForCode(code)!).lastInsertRowid;
    const row = s.prepare("INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES (?, ?, '1', ?, 'open')");
    row.run(listed[0], list, 'V3-12345');
    row.run(listed[1], list, null);
    row.run(listed[2], list, null);
    row.run(listedOut, list, null);
    row.run(edgeVin(2), list, null);
  })();
  app.campaigns.invalidate();
  // Status rows on vehicles a wanted campaign answers for: completed here, and open; one of a campaign with no per-VIN part.
  const answering = vins.flatMap((vin) => {
    try {
      return app.lookup
        .lookup({ vin })
        .campaigns.filter((h) => wanted.some((b) => b.code === h.code) && h.remedy.available === true)
        .map((h) => ({ vin, code: h.code }));
    } catch {
      return [];
    }
  });
  const [completed, open, other] = [answering[0]!, answering.find((a) => a.vin !== answering[0]!.vin)!, answering.at(-1)!];
  const status = s.prepare(
    "INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, ?, ?, ?, 'RO1', 'now')",
  );
  status.run(completed.vin, completed.code, 'completed-here', '2026-09-01');
  status.run(open.vin, open.code, 'open', null);
  status.run(other.vin, lib.bulletins[1]!.code, 'completed-here', '2026-09-01');
  status.run(builtIn[0], 'ALE', 'completed-here', '2026-09-01');
  // The second vehicle at the range's start: completed (the first of its key is not).
  status.run(edgeVin(1), wanted[4]!.code, 'completed-here', '2026-09-01');
  return { listed, numbered: listed[0]!, completed, edges: [...[0, 1, 2, 3, 4].map(edgeVin), lastOfOther], edgeCode: wanted[4]!.code };
}

/** The in-stock lines the per-VIN path gives: each stock vehicle looked up on its own, every field. */
function perVinLines(): SuggestionLine[] {
  const s = app.db.sqlite;
  const catalog = loadCatalog(app.db, app.campaigns);
  const stock = s
    .prepare<[], { vin: string; stock_number: string | null; condition: keyof typeof CONDITION_LABEL | null }>(
      'SELECT vin, stock_number, condition FROM vehicles WHERE in_stock = 1 ORDER BY stock_number, vin',
    )
    .all();
  const answers = new Map<string, ReturnType<App['lookup']['lookup']> | null>();
  for (const v of stock) {
    try {
      answers.set(v.vin, app.lookup.lookup({ vin: v.vin }));
    } catch {
      answers.set(v.vin, null);
    }
  }
  const listedNumbers = new Map(
    s
      .prepare<[], { vin: string; part_number: string }>('SELECT vin, part_number FROM affected_vins WHERE part_number IS NOT NULL')
      .all()
      .map((r) => [r.vin, r.part_number]),
  );
  const out: SuggestionLine[] = [];
  for (const c of catalog) {
    for (const p of c.parts) {
      if (!p.heldPerVin || !p.released || p.macCode === 'D') continue;
      const n = p.quantity ?? 1;
      for (const v of stock) {
        const r = answers.get(v.vin);
        if (!r) continue;
        const hit = r.campaigns.find((h) => h.code === c.code);
        if (hit?.remedy.available !== true || (hit.vehicleStatus && hit.vehicleStatus.status !== 'open')) continue;
        const condition = r.vehicle?.condition ?? null;
        const before = (BEFORE as Record<string, string>)[hit.delivery.find((d) => d.condition === condition)?.rule ?? ''] ?? 'should have it before delivery';
        const why = hit.affectedList?.listed ? `on the affected list of ${hit.affectedList.date}` : `${hit.remedy.phaseName ?? 'phase'} launched`;
        const listed = listedNumbers.get(r.vin);
        const number = p.isPattern && listed && new RegExp(`^${p.partNumber!.replace(/\*+/g, '[A-Z0-9]+')}$`).test(listed) ? listed : null;
        const how = p.perVin || p.isPattern ? 'per-VIN part number: CPOR gives it' : 'MAC code C: order through CPOR';
        out.push(
          expectedStockLine({
            code: c.code,
            part: p.partNumber!,
            vin: r.vin,
            quantity: n,
            listedNumber: number,
            how,
            why,
            before,
            stockNumber: r.vehicle?.stockNumber ?? null,
            condition,
          }),
        );
      }
    }
  }
  return out;
}

describe('the suggestions read the stock in one batch', () => {
  test('every in-stock line is the per-VIN path’s, before and after vPIC opens', async () => {
    const { listed, numbered, completed, edges, edgeCode } = await variedStock();
    const expected = perVinLines();
    // The case is worth having: many lines, listed and completed vehicles, several makes, a list number.
    expect(expected.length).toBeGreaterThan(150);
    expect(expected.some((l) => l.vin === listed[1])).toBe(true);
    expect(expected.some((l) => l.vin === numbered && l.partNumber === 'V3-12345')).toBe(true);
    expect(new Set(expected.map((l) => l.vin!.slice(0, 3))).size).toBeGreaterThanOrEqual(5);
    expect(expected.some((l) => l.vin === completed.vin && l.campaign === completed.code)).toBe(false);
    // At the range's ends: in it at its first and last serial (the last also listed), not completed, not outside it;
    // and at the last serial of another range of the campaign.
    const forEdge = edges.map((vin) => expected.some((l) => l.vin === vin && l.campaign === edgeCode));
    expect(forEdge).toEqual([true, false, true, false, false, true]);
    const got = () => suggestOrders(app, { horizonDays: 14 }).lines.filter((l) => l.source === 'in-stock');
    expect(got()).toEqual(expected);
    // Byte for byte as the answer is sent (the fields in the contract's order), the first time and kept.
    expect(JSON.stringify(got())).toBe(JSON.stringify(expected));

    // vPIC opens: the makes per WMI are known (a Toyota WMI is not a Lexus); looked up again, still the per-VIN path's.
    expect(await app.vpic!.start()).toBe(true);
    const after = perVinLines();
    expect(after).not.toEqual(expected);
    expect(got()).toEqual(after);

    // A change to the stock (a vehicle sold, a status recorded): looked up again.
    const s = app.db.sqlite;
    s.prepare('UPDATE vehicles SET in_stock = 0 WHERE vin = ?').run(listed[1]!);
    const first = after.find((l) => l.vin !== listed[1])!;
    s.prepare(
      "INSERT INTO vehicle_campaigns (vin, campaign_code, status, completed_on, repair_order, updated_at) VALUES (?, ?, 'completed-here', '2026-09-02', 'RO2', 'now')",
    ).run(first.vin, first.campaign);
    const changed = perVinLines();
    expect(changed.length).toBeLessThan(after.length);
    expect(got()).toEqual(changed);
  });
});
