// 012 from the 010 shape: the ledger's movements stay as they are; the kept fold starts empty (the next
// recorded movement keeps it) and holds one row only.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('012_ledger_fold adds an empty kept fold of one row at most, keeping the movements', async () => {
  m = migratingDb();
  await m.migrateTo('010_nhtsa_recalls');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, vin, made_by, made_at) VALUES ('P-A', 'P-A', 'receive', 3, NULL, 'ann', '2026-11-23T12:00:00Z')",
  ).run();
  expect(tableNames(s)).not.toContain('ledger_fold');

  await m.migrateTo('012_ledger_fold');

  expect(tableNames(s)).toContain('ledger_fold');
  expect(s.prepare('SELECT count(*) FROM ledger_fold').pluck().get()).toBe(0);
  expect(s.prepare('SELECT id, part, kind, quantity FROM stock_movements').all()).toEqual([{ id: 1, part: 'P-A', kind: 'receive', quantity: 3 }]);
  s.prepare("INSERT INTO ledger_fold (id, format, last_id, last_row, buckets) VALUES (1, 1, 1, '[]', '[]')").run();
  expect(() => s.prepare("INSERT INTO ledger_fold (id, format, last_id, last_row, buckets) VALUES (2, 1, 1, '[]', '[]')").run()).toThrow(/CHECK/);
  expect(() => s.prepare("INSERT INTO ledger_fold (id, format, last_id, last_row, buckets) VALUES (1, 1, 1, '[]', '[]')").run()).toThrow(/UNIQUE/);
});
