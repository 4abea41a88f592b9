// 008 from the 005 shape: the library and the lists stay as they were, and the changes log starts
// empty, refusing a source kind it does not know.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('008_import_changes adds an empty changes log beside the existing data', async () => {
  m = migratingDb();
  await m.migrateTo('005_affected_vins_without_list_index');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('ALE', 'safety-recall', 'Valve Spring', '2010-07-06', 'R1', 'built-in', '{}', 'then')",
  ).run();
  s.prepare("INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count) VALUES (1, '2010-08-01', 'a.csv', 'then', 1)").run();
  s.prepare("INSERT INTO affected_vins (vin, list_id) VALUES ('JTHBE96S170007930', 1)").run();
  expect(tableNames(s)).not.toContain('import_changes');

  await m.migrateTo('008_import_changes');

  expect(tableNames(s)).toContain('import_changes');
  expect(s.prepare('SELECT count(*) FROM import_changes').pluck().get()).toBe(0);
  expect(s.prepare('SELECT code FROM campaigns').pluck().all()).toEqual(['ALE']);
  expect(s.prepare('SELECT vin FROM affected_vins').pluck().all()).toEqual(['JTHBE96S170007930']);
  s.prepare("INSERT INTO import_changes (at, by, source_kind, source, impact) VALUES ('2026-11-23T12:00:00Z', NULL, 'vin-list', '{}', '{}')").run();
  expect(s.prepare('SELECT at, by, source_kind, seen_at FROM import_changes').all()).toEqual([
    { at: '2026-11-23T12:00:00Z', by: null, source_kind: 'vin-list', seen_at: null },
  ]);
  expect(() => s.prepare("INSERT INTO import_changes (at, source_kind, source, impact) VALUES ('x', 'email', '{}', '{}')").run()).toThrow(/CHECK/);
});
