// Migration tests start from a database at an older migration, seed it in that old shape, then run
// the next migration and check the new shape (Signal Desktop's habit).
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../../main/db/migrations/index';
import { tempDbPath } from './tempdb';

export type MigratingDb = { sqlite: BetterSqlite3.Database; migrateTo(name: string): Promise<void>; close(): Promise<void> };

export function migratingDb(): MigratingDb {
  const sqlite = new BetterSqlite3(tempDbPath().replace('/data/', '/'));
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  return {
    sqlite,
    async migrateTo(name) {
      const r = await migrator.migrateTo(name);
      if (r.error) throw r.error;
      if (!r.results?.every((x) => x.status === 'Success')) throw new Error(`migration to ${name} did not succeed`);
    },
    close: () => db.destroy(),
  };
}

export const tableNames = (sqlite: BetterSqlite3.Database): string[] =>
  sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
