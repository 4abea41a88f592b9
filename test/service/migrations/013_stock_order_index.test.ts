// 013 from the 012 shape: the vehicles keep their rows; the vehicles in stock (and only they) are in a new
// index in the order suggestions' order (stock number, then VIN), with the columns their stock step reads,
// and that step's read walks it alone (no read of the table, no sort), in the same order as before.
import { afterEach, expect, test } from 'vitest';
import { STOCK_SQL } from '../../../main/parts/suggest';
import { type MigratingDb, migratingDb } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('013_stock_order_index indexes the vehicles in stock in stock-number then VIN order, with the columns the stock step reads', async () => {
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

  await m.migrateTo('013_stock_order_index');

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
