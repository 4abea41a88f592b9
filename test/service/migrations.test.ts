// Every migration runs from an empty database, and the chain is idempotent across starts.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, test } from 'vitest';
import { migrationProvider, migrations } from '../../main/db/migrations/index';
import { openDatabase } from '../../main/db/open';
import { tempDbPath } from '../support/tempdb';

describe('migrations', () => {
  test('names are numbered and in order', () => {
    const names = Object.keys(migrations);
    names.forEach((n, i) => expect(n).toMatch(new RegExp(`^${String(i + 1).padStart(3, '0')}_[a-z0-9_]+$`)));
  });

  for (const name of Object.keys(migrations)) {
    test(`${name} applies to an empty database and creates its tables`, async () => {
      const sqlite = new BetterSqlite3(tempDbPath().replace('/data/', '/'));
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
      try {
        const r = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
        expect(r.error).toBeUndefined();
        expect(r.results?.every((x) => x.status === 'Success')).toBe(true);
        const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
        if (name === '001_campaign_library') {
          expect(tables).toEqual(['affected_vin_lists', 'affected_vins', 'campaign_revisions', 'campaigns', 'meta', 'model_window_rules', 'vin_range_rules']);
          const plan = sqlite
            .prepare('EXPLAIN QUERY PLAN SELECT * FROM vin_range_rules WHERE wmi = ? AND vds = ? AND year_code = ? AND serial_from <= ? AND serial_to >= ?')
            .all('JTH', 'BE96S', '7', '0007930', '0007930') as { detail: string }[];
          expect(plan[0]!.detail).toMatch(/USING INDEX vin_range_rules_lookup/);
        }
        if (name === '002_vehicles_and_lists') {
          expect(tables).toEqual(expect.arrayContaining(['vehicles', 'vehicle_campaigns']));
          const cols = sqlite.prepare("SELECT name FROM pragma_table_info('affected_vin_lists')").pluck().all();
          expect(cols).toContain('complete');
          expect(() => sqlite.prepare("INSERT INTO vehicles (vin, condition, updated_at) VALUES ('X', 'demo', 'now')").run()).toThrow(/CHECK constraint/);
        }
      } finally {
        await db.destroy();
      }
    });
  }

  test('opening twice applies nothing the second time', async () => {
    const file = tempDbPath();
    const a = await openDatabase(file);
    const count = () => a.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get();
    expect(count()).toBe(Object.keys(migrations).length);
    await a.close();
    const b = await openDatabase(file);
    expect(b.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(Object.keys(migrations).length);
    await b.close();
  });

  test('foreign keys are enforced: deleting a campaign removes its rules', async () => {
    const a = await openDatabase(tempDbPath());
    try {
      a.sqlite.prepare("INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('X', 'other', 't', '2020-01-01', 'l', 'imported', '{}', 'now')").run();
      a.sqlite.prepare("INSERT INTO vin_range_rules (campaign_id, wmi, vds, year_code, serial_from, serial_to, model, model_year) VALUES (1, 'JTH', 'AAAAA', 'A', '0000000', '0000001', 'M', 2010)").run();
      a.sqlite.prepare('DELETE FROM campaigns').run();
      expect(a.sqlite.prepare('SELECT count(*) FROM vin_range_rules').pluck().get()).toBe(0);
    } finally {
      await a.close();
    }
  });
});
