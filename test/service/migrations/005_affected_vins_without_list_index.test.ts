// 005 from the 004 shape: the list rows stay, the list_id index goes, a VIN is still found by a seek
// on the primary key, and deleting a list (foreign keys on) still removes its rows.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('005_affected_vins_without_list_index drops the list_id index, keeping the rows', async () => {
  m = migratingDb();
  await m.migrateTo('004_settings_and_forms');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('ALE', 'safety-recall', 'Valve Spring', '2010-07-06', 'R1', 'built-in', '{}', 'then')",
  ).run();
  s.prepare(
    "INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (1, '2010-08-01', 'a.csv', 'then', 2), (1, '2010-09-01', 'b.csv', 'then', 1)",
  ).run();
  s.prepare(
    "INSERT INTO affected_vins (vin, list_id, phase) VALUES ('JTHBE96S170007930', 1, NULL), ('JTHBE96S370007931', 1, '1'), ('JTHBE96S170007930', 2, '2')",
  ).run();
  const indexes = () => s.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'affected_vins' AND sql IS NOT NULL").pluck().all();
  expect(indexes()).toEqual(['affected_vins_list']);

  await m.migrateTo('005_affected_vins_without_list_index');

  expect(indexes()).toEqual([]);
  expect(s.prepare('SELECT vin, list_id, phase FROM affected_vins ORDER BY vin, list_id').all()).toEqual([
    { vin: 'JTHBE96S170007930', list_id: 1, phase: null },
    { vin: 'JTHBE96S170007930', list_id: 2, phase: '2' },
    { vin: 'JTHBE96S370007931', list_id: 1, phase: '1' },
  ]);
  const plan = s.prepare('EXPLAIN QUERY PLAN SELECT list_id, phase FROM affected_vins WHERE vin = ?').all('JTHBE96S170007930') as { detail: string }[];
  expect(plan.map((p) => p.detail)).toEqual(['SEARCH affected_vins USING PRIMARY KEY (vin=?)']);
  s.prepare('DELETE FROM affected_vin_lists WHERE id = 1').run();
  expect(s.prepare('SELECT vin, list_id FROM affected_vins').all()).toEqual([{ vin: 'JTHBE96S170007930', list_id: 2 }]);
});
