// 001 from an empty database: the library tables, and the range index the lookup seeks on.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('001_campaign_library creates the library tables and the lookup index', async () => {
  m = migratingDb();
  await m.migrateTo('001_campaign_library');
  expect(tableNames(m.sqlite)).toEqual([
    'affected_vin_lists',
    'affected_vins',
    'campaign_revisions',
    'campaigns',
    'meta',
    'model_window_rules',
    'vin_range_rules',
  ]);
  const plan = m.sqlite
    .prepare('EXPLAIN QUERY PLAN SELECT * FROM vin_range_rules WHERE wmi = ? AND vds = ? AND year_code = ? AND serial_from <= ? AND serial_to >= ?')
    .all('JTH', 'BE96S', '7', '0007930', '0007930') as { detail: string }[];
  expect(plan[0]!.detail).toMatch(/USING INDEX vin_range_rules_lookup/);
});
