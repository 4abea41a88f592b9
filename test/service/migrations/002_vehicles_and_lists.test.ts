// 002 from the 001 shape: an affected-VIN list imported before 002 keeps its rows and becomes a
// complete list; vehicles and per-campaign statuses arrive empty.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('002_vehicles_and_lists keeps an existing list (now complete) and adds vehicles', async () => {
  m = migratingDb();
  await m.migrateTo('001_campaign_library');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('ALE', 'safety-recall', 'Valve Spring', '2010-07-06', 'R1', 'built-in', '{}', 'then')",
  ).run();
  s.prepare(
    "INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (1, '2010-08-01', 'tis.csv', 'then', 2)",
  ).run();
  s.prepare("INSERT INTO affected_vins (vin, list_id, phase) VALUES ('JTHBE96S170007930', 1, NULL), ('JTHBE96S370007931', 1, '1')").run();

  await m.migrateTo('002_vehicles_and_lists');

  expect(s.prepare('SELECT complete FROM affected_vin_lists').pluck().get()).toBe(1);
  expect(s.prepare('SELECT vin, phase, part_number, status FROM affected_vins ORDER BY vin').all()).toEqual([
    { vin: 'JTHBE96S170007930', phase: null, part_number: null, status: null },
    { vin: 'JTHBE96S370007931', phase: '1', part_number: null, status: null },
  ]);
  expect(tableNames(s)).toEqual(expect.arrayContaining(['vehicles', 'vehicle_campaigns']));
  expect(s.prepare('SELECT count(*) FROM vehicles').pluck().get()).toBe(0);
  expect(() => s.prepare("INSERT INTO vehicles (vin, condition, updated_at) VALUES ('X', 'demo', 'now')").run()).toThrow(/CHECK constraint/);
  s.prepare("INSERT INTO vehicles (vin, updated_at) VALUES ('JTHBE96S170007930', 'now')").run();
  expect(() =>
    s.prepare("INSERT INTO vehicle_campaigns (vin, campaign_code, status, updated_at) VALUES ('JTHBE96S170007930', 'ALE', 'done', 'now')").run(),
  ).toThrow(/CHECK constraint/);
});
