// 010 from the 008 shape: the changes log keeps its rows and now takes 'nhtsa'; the NHTSA tables start
// empty, found by make, model key and year.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('010_nhtsa_recalls adds empty NHTSA tables and lets "What changed" record an NHTSA import, keeping its rows', async () => {
  m = migratingDb();
  await m.migrateTo('008_import_changes');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO import_changes (at, by, source_kind, source, impact, seen_at) VALUES ('2026-11-23T12:00:00Z', 'ann', 'vin-list', '{\"a\":1}', '{}', 'seen')",
  ).run();
  expect(() => s.prepare("INSERT INTO import_changes (at, source_kind, source, impact) VALUES ('x', 'nhtsa', '{}', '{}')").run()).toThrow(/CHECK/);
  expect(tableNames(s)).not.toContain('nhtsa_vehicles');

  await m.migrateTo('010_nhtsa_recalls');

  expect(tableNames(s)).toEqual(expect.arrayContaining(['nhtsa_campaigns', 'nhtsa_vehicles', 'nhtsa_import', 'import_changes']));
  expect(s.prepare('SELECT id, at, by, source_kind, source, seen_at FROM import_changes').all()).toEqual([
    { id: 1, at: '2026-11-23T12:00:00Z', by: 'ann', source_kind: 'vin-list', source: '{"a":1}', seen_at: 'seen' },
  ]);
  s.prepare("INSERT INTO import_changes (at, source_kind, source, impact) VALUES ('y', 'nhtsa', '{}', '{}')").run();
  expect(s.prepare('SELECT id FROM import_changes ORDER BY id').pluck().all()).toEqual([1, 2]);
  expect(() => s.prepare("INSERT INTO import_changes (at, source_kind, source, impact) VALUES ('x', 'email', '{}', '{}')").run()).toThrow(/CHECK/);
  for (const t of ['nhtsa_campaigns', 'nhtsa_vehicles', 'nhtsa_import']) expect(s.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  const plan = s
    .prepare("EXPLAIN QUERY PLAN SELECT campaign FROM nhtsa_vehicles WHERE make_key = 'HONDA' AND model_key = 'ACCORD' AND year = 2019")
    .all()
    .map((r) => (r as { detail: string }).detail)
    .join(' ');
  expect(plan).toMatch(/USING INDEX nhtsa_vehicles_make_model_year/);
  expect(s.prepare("SELECT sql FROM sqlite_master WHERE name = 'import_changes_at'").pluck().get()).toBeTruthy();
});
