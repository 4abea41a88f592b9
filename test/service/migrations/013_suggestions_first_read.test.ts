// 013 from the 012 shape: the vehicles keep their rows; the vehicles in stock (and only they) are in a new
// index in the order suggestions' order (stock number, then VIN), with the columns their stock step reads,
// and that step's read walks it alone (no read of the table, no sort), in the same order as before. Each
// campaign's parts and revision date are kept beside it as its document states them, from the campaigns
// already there and whoever writes one afterwards (added, its document changed, removed).
import { afterEach, expect, test } from 'vitest';
import { STOCK_SQL } from '../../../main/parts/suggest';
import { type MigratingDb, migratingDb } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('013_suggestions_first_read indexes the vehicles in stock in stock-number then VIN order, with the columns the stock step reads', async () => {
  m = migratingDb();
  await m.migrateTo('012_ledger_fold');
  const s = m.sqlite;
  const add = s.prepare(
    "INSERT INTO vehicles (vin, model, production_month, stock_number, condition, in_stock, last_service_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'now')",
  );
  add.run('JTHBE96S170000003', 'GS 350', '2006-11', 'S2', 'new', 1, null);
  add.run('JTHBE96S170000001', null, null, null, 'used', 1, '2026-01-02');
  add.run('JTHBE96S170000002', null, null, 'S1', null, 1, null);
  add.run('JTHBE96S170000004', 'GS 350', null, 'S0', 'new', 0, '2026-03-04');
  // The stock step's order before the index: the same rows, in the same order, after.
  const before = s.prepare(STOCK_SQL.replace(' INDEXED BY vehicles_stock_order', '')).raw(true).all();
  expect(() => s.prepare(STOCK_SQL)).toThrow(/no such index/);

  await m.migrateTo('013_suggestions_first_read');

  const index = s.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'vehicles_stock_order'").pluck().get() as string;
  expect(index).toMatch(/\(stock_number, vin, model, production_month, condition, last_service_date\) WHERE in_stock = 1$/);
  const rows = s.prepare(STOCK_SQL).raw(true).all();
  expect(rows).toEqual(before);
  expect(rows.map((r) => (r as string[])[0])).toEqual(['JTHBE96S170000001', 'JTHBE96S170000002', 'JTHBE96S170000003']);
  const plan = s
    .prepare(`EXPLAIN QUERY PLAN ${STOCK_SQL}`)
    .all()
    .map((r) => (r as { detail: string }).detail);
  expect(plan).toEqual(['SCAN vehicles USING COVERING INDEX vehicles_stock_order']);
  // Only vehicles in stock are in it: one that leaves the stock leaves the index, one that comes in enters it.
  s.prepare("UPDATE vehicles SET in_stock = 0 WHERE vin = 'JTHBE96S170000003'").run();
  s.prepare("UPDATE vehicles SET in_stock = 1 WHERE vin = 'JTHBE96S170000004'").run();
  expect(
    s
      .prepare(STOCK_SQL)
      .raw(true)
      .all()
      .map((r) => (r as string[])[0]),
  ).toEqual(['JTHBE96S170000001', 'JTHBE96S170000004', 'JTHBE96S170000002']);
  expect(s.prepare('SELECT count(*) FROM vehicles').pluck().get()).toBe(4);
});

test("013_suggestions_first_read keeps each campaign's parts and revision date beside it, as its document states them", async () => {
  m = migratingDb();
  await m.migrateTo('012_ledger_fold');
  const s = m.sqlite;
  const doc = (code: string, revisionDate: string, parts: unknown[]) => JSON.stringify({ code, revisionDate, title: 'T', parts, phases: [] });
  const add = s.prepare(
    "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES (?, 'safety-recall', 'T', ?, 'R', 'imported', ?, 'now')",
  );
  const partA = { partNumber: 'P-1', description: 'Part', quantity: 1, macCode: null, released: true, partNumberPerVin: false, note: null };
  add.run('A1', '2025-01-01', doc('A1', '2025-01-01', [partA]));
  add.run('B2', '2025-02-01', doc('B2', '2025-02-01', []));
  const facts = () =>
    s.prepare('SELECT c.code, f.facts FROM campaigns c LEFT JOIN campaign_part_facts f ON f.campaign_id = c.id ORDER BY c.code').raw(true).all();
  const stated = () => s.prepare("SELECT code, json_extract(document, '$.revisionDate', '$.parts') FROM campaigns ORDER BY code").raw(true).all();

  await m.migrateTo('013_suggestions_first_read');

  expect(facts()).toEqual(stated());
  expect(JSON.parse((facts()[0] as string[])[1]!)).toEqual(['2025-01-01', [partA]]);
  // Added, its document changed (a newer revision), another column changed, removed: still what each document states.
  add.run('C3', '2025-03-01', doc('C3', '2025-03-01', [{ ...partA, partNumber: 'P-3' }]));
  s.prepare('UPDATE campaigns SET document = ?, revision_date = ? WHERE code = ?').run(
    doc('A1', '2026-01-01', [{ ...partA, quantity: 2 }]),
    '2026-01-01',
    'A1',
  );
  s.prepare("UPDATE campaigns SET title = 'Other' WHERE code = 'B2'").run();
  s.prepare("DELETE FROM campaigns WHERE code = 'B2'").run();
  expect(facts()).toEqual(stated());
  expect(facts().map((r) => (r as string[])[0])).toEqual(['A1', 'C3']);
  expect(JSON.parse((facts()[0] as string[])[1]!)).toEqual(['2026-01-01', [{ ...partA, quantity: 2 }]]);
  expect(s.prepare('SELECT count(*) FROM campaign_part_facts').pluck().get()).toBe(2);
});
