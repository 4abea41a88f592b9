// 006 from the 005 shape: a table keeps each VIN's vPIC decode once made (keyed by VIN, with the vPIC
// data it came from), so the first lookup of a known VIN after a restart needs no decoder at all.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('006_vin_decodes adds the decode table, leaving the vehicles as they were', async () => {
  m = migratingDb();
  await m.migrateTo('005_affected_vins_without_list_index');
  const s = m.sqlite;
  s.prepare("INSERT INTO vehicles (vin, in_stock, model, updated_at) VALUES ('2T2HA31U660012345', 1, 'RX 330', 'then')").run();
  expect(tableNames(s)).not.toContain('vin_decodes');

  await m.migrateTo('006_vin_decodes');

  expect(tableNames(s)).toContain('vin_decodes');
  s.prepare("INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES ('2T2HA31U660012345', 'corgi 2.0.1', '{\"make\":\"Lexus\"}', 'now')").run();
  s.prepare("INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES ('9ZZAA1116X1000001', 'corgi 2.0.1', NULL, 'now')").run();
  expect(() => s.prepare("INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES ('2T2HA31U660012345', 'x', NULL, 'now')").run()).toThrow(/UNIQUE/);
  const plan = s.prepare('EXPLAIN QUERY PLAN SELECT source, decoded FROM vin_decodes WHERE vin = ?').all('2T2HA31U660012345') as { detail: string }[];
  expect(plan.map((p) => p.detail)).toEqual(['SEARCH vin_decodes USING PRIMARY KEY (vin=?)']);
  expect(s.prepare('SELECT vin, model FROM vehicles').all()).toEqual([{ vin: '2T2HA31U660012345', model: 'RX 330' }]);
});
