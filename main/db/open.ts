// Opens (or creates) the database file, applies pending migrations and returns both handles:
// Kysely for typed queries, the raw better-sqlite3 connection for prepared hot-path statements
// and synchronous all-or-nothing transactions.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { preMigrationBackup } from './backup';
import { migrationProvider } from './migrations/index';
import { describeStorageError } from './errors';
import type { Database } from './schema';

export type Db = {
  path: string;
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  close(): Promise<void>;
};

export class DatabaseOpenError extends Error {}

/** A WAL reader meets a lock only in rare moments (recovery, a WAL restart); a few ms cover them. */
export const BUSY_TIMEOUT_MS = 25;

export async function openDatabase(file: string): Promise<Db> {
  const dir = path.dirname(file);
  try {
    // Private to the user: the database holds guests' names, phones and addresses.
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new DatabaseOpenError(`Cannot create the data folder ${dir}: ${(err as Error).message}. Choose another place with --db PATH.`);
  }
  let sqlite: BetterSqlite3.Database;
  // New files (the database, its -wal and -shm) are created private; an existing one is made so.
  const oldMask = process.umask(0o077);
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    makePrivate(file);
  } catch (err) {
    throw new DatabaseOpenError(
      `Cannot open the database ${file}: ${describeStorageError(err) ?? `${(err as Error).message}. Is it a Recall Desk database? Choose another with --db PATH.`}`,
    );
  } finally {
    process.umask(oldMask);
  }
  sqlite.pragma('foreign_keys = ON');
  // Opening and migrating may wait for another process's write: nothing is served yet.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The lookup's indexes must stay in memory: 2 MB (the default) thrashes with a large library.
  sqlite.pragma('cache_size = -65536');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db: kysely, provider: migrationProvider });
  // An existing database about to change shape is copied first (kept for good, beside the dailies).
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  if (pending.length > 0 && pending.length < known.length) {
    try {
      await preMigrationBackup(sqlite, file, pending[0]!.name, new Date());
    } catch (err) {
      await kysely.destroy();
      throw new DatabaseOpenError(
        `Cannot back up ${file} before migrating it (${(err as Error).message}): nothing was changed. Free some disk space or check the folder's permissions.`,
      );
    }
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    await kysely.destroy();
    const why = describeStorageError(error) ?? `${(error as Error).message ?? String(error)}.`;
    throw new DatabaseOpenError(`Database migration ${failed} failed: ${why} The file was left as it was.`);
  }
  forgetStat4(sqlite);
  // Serving, the thread must never sleep in SQLite's busy wait: better-sqlite3 is synchronous, so a
  // write waiting 5 s for another process's import froze every lookup for 5 s. A connection gives up
  // after BUSY_TIMEOUT_MS; writes wait between attempts instead (db/busy.ts), lookups never wait.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return {
    path: file,
    sqlite,
    kysely,
    async close() {
      // Kysely's SqliteDialect closes the better-sqlite3 connection it was given.
      await kysely.destroy();
    },
  };
}

/**
 * The app never runs ANALYZE, but a tool or a person may. With sqlite_stat4 present, SQLite re-plans
 * a statement each time a parameter that an index seeks on changes value: every lookup became 2.6x
 * slower. The lookup's statement is immune (main/lookup/service.ts); this keeps the rest so too.
 * sqlite_stat1 (row counts, no re-planning) stays.
 */
function forgetStat4(sqlite: BetterSqlite3.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get()) return;
  try {
    sqlite.exec('DROP TABLE sqlite_stat4');
  } catch {
    // Read-only or locked: the lookup is immune anyway.
  }
}

/** chmod 600 on the database and its WAL files where the platform has POSIX modes. */
function makePrivate(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o777) !== 0o600) fs.chmodSync(f, 0o600);
    } catch {
      // -wal and -shm exist only while a connection is open.
    }
  }
}
