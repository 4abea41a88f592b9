// 007 from the 005 shape: claims keep their rows (no goodwill reason), the waiting list and the CPOR
// references are new and empty; one open waiting entry per VIN and campaign.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('007_waiting_list_cpor_goodwill adds the waiting list, CPOR references and the goodwill reason of a claim', async () => {
  m = migratingDb();
  await m.migrateTo('005_affected_vins_without_list_index');
  const s = m.sqlite;
  s.prepare(
    `INSERT INTO claims (appointment_id, vin, campaign_code, op_code, hours, repair_order, technician, verified_by, completed_on, created_at)
     VALUES (NULL, 'JTHKPAAY4PA001234', '23LJ01', '23LJ01R1', 0.4, 'RO-1', 'Dana', 'Sam', '2026-11-20', 'then')`,
  ).run();
  s.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, vin, ref, made_by, made_at) VALUES ('04002-****', '04002-****', 'order', 1, 'JTHKPAAY4PA001234', 'CPOR', 'Pat', 'then')",
  ).run();
  expect(tableNames(s)).not.toContain('waiting_list');

  await m.migrateTo('007_waiting_list_cpor_goodwill');

  expect(tableNames(s)).toEqual(expect.arrayContaining(['waiting_list', 'cpor_references']));
  expect(s.prepare('SELECT vin, op_code, goodwill_reason FROM claims').all()).toEqual([
    { vin: 'JTHKPAAY4PA001234', op_code: '23LJ01R1', goodwill_reason: null },
  ]);
  s.prepare("INSERT INTO cpor_references (movement_id, reference, entered_by, entered_at) VALUES (1, 'CP-123', 'Pat', 'now')").run();
  expect(() => s.prepare("INSERT INTO cpor_references (movement_id, reference, entered_by, entered_at) VALUES (9, 'CP-9', 'Pat', 'now')").run()).toThrow(
    /FOREIGN KEY/,
  );
  const wait = s.prepare("INSERT INTO waiting_list (vin, campaign_code, added_by, added_at, closed_at) VALUES ('JTHBE96S170007930', 'ALE', 'Pat', 'now', ?)");
  wait.run(null);
  expect(() => wait.run(null)).toThrow(/UNIQUE/);
  wait.run('later'); // a closed entry does not block a new one
  expect(s.prepare('SELECT count(*) FROM waiting_list').pluck().get()).toBe(2);
  // What a stock vehicle's lookup depends on is counted: vehicles, their statuses, the lists.
  const n = () => s.prepare("SELECT n FROM change_counters WHERE name = 'stock-lookups'").pluck().get();
  expect(n()).toBe(0);
  s.prepare("INSERT INTO vehicles (vin, in_stock, updated_at) VALUES ('JTHKPAAY4PA001234', 1, 'now')").run();
  s.prepare('UPDATE vehicles SET in_stock = 0').run();
  s.prepare("INSERT INTO vehicle_campaigns (vin, campaign_code, status, updated_at) VALUES ('JTHKPAAY4PA001234', '23LJ01', 'completed-here', 'now')").run();
  s.prepare('DELETE FROM vehicle_campaigns').run();
  s.prepare('DELETE FROM vehicles').run();
  expect(n()).toBe(5);
});
