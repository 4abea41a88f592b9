// Runs the pending migrations with Kysely's migrator: loaded by openDatabase only when the file needs
// one (the first open after an update), so commands on an up-to-date database never load Kysely.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { preMigrationBackup } from './backup';
import { describeStorageError } from './errors';
import { migrationProvider } from './migrations/index';
import { DatabaseOpenError } from './open';
import type { Database } from './schema';

/** Brings the file to this version's shape: an existing database is copied first (kept for good, beside the dailies). */
export async function migrate(sqlite: BetterSqlite3.Database, file: string): Promise<void> {
  // Kysely's SqliteDialect would close the connection on destroy(): the instance is dropped instead
  // (it holds no timer nor handle of its own); on a failure the connection is closed.
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db: kysely, provider: migrationProvider });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  if (pending.length > 0 && pending.length < known.length) {
    try {
      await preMigrationBackup(sqlite, file, pending[0]!.name, new Date());
    } catch (err) {
      sqlite.close();
      throw new DatabaseOpenError(
        `Cannot back up ${file} before migrating it (${(err as Error).message}): nothing was changed. Free some disk space or check the folder's permissions.`,
      );
    }
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    sqlite.close();
    const why = describeStorageError(error) ?? `${(error as Error).message ?? String(error)}.`;
    throw new DatabaseOpenError(`Database migration ${failed} failed: ${why} The file was left as it was.`);
  }
}
