// Opens (or creates) the database file, applies pending migrations and returns the better-sqlite3
// connection (prepared statements, synchronous all-or-nothing transactions). Kysely runs the migrations
// only (main/db/migrate.ts), loaded when one is pending: a command on an up-to-date file never loads it.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from './migrations/index';
import { didOneOffWork } from '../one-off-work';
import { DatabaseOpenError, describeStorageError } from './errors';
import { repairCompanionModes } from './companions';
import { openForReading, type ReadOnlyWhy } from './read-only';

export { DatabaseOpenError };

export type Db = {
  path: string;
  sqlite: BetterSqlite3.Database;
  /** The file did not exist: this run created it (the CLI says so: a mistyped --db is then seen). */
  created: boolean;
  /**
   * Why the database is open read-only (lookups answer, writes are refused), or null: the user made
   * the file read-only, its folder cannot be written by this user (SQLite cannot make its -wal and
   * -shm there), or the disk is full so not even SQLite's WAL index can be made.
   */
  readOnly: ReadOnlyWhy | null;
  /**
   * Read-only and read from a copy of the file taken at open (main/db/read-only.ts): what another
   * process writes later (root, or another user who may write the folder) is not seen until the next open.
   */
  asOpened: boolean;
  close(): Promise<void>;
};

/** Every migration this version knows, by name. */
const MIGRATION_NAMES = Object.keys(migrations);

/** A WAL reader meets a lock only in rare moments (recovery, a WAL restart); a few ms cover them. */
export const BUSY_TIMEOUT_MS = 25;

/** The user made the file read-only (no write permission bit, or none for this user): it stays so. */
function userMadeReadOnly(file: string): boolean {
  try {
    if ((fs.statSync(file).mode & 0o222) === 0) return true;
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether this user may make files in the folder (a read-only mount counts as read-only). */
function folderWritable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function cannotOpen(file: string, err: unknown): Error {
  if (err instanceof DatabaseOpenError) return err;
  // Not "the database is read-only ... lookups still answer": here not even a read could be made.
  const words = /^SQLITE_READONLY/.test(String((err as { code?: unknown })?.code ?? ''))
    ? 'it is read-only for this user, and SQLite could not read it as it is. Make the file and its folder writable for this user for one run, or choose another with --db PATH.'
    : describeStorageError(err);
  return new DatabaseOpenError(
    `Cannot open the database ${file}: ${words ?? `${(err as Error).message}. Is it a Recall Desk database? Choose another with --db PATH.`}`,
  );
}

/** A storage fault that a read-only connection may get around (no room for the WAL index, no write access). */
const canReadInstead = (err: unknown) => /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY)/.test(String((err as { code?: unknown })?.code ?? ''));

/**
 * A new database from the one the build made (scripts/build.mjs: this version's migrations run and its
 * built-in library stored, nothing else): a first command on it neither migrates nor loads the library.
 * Made only where no file is yet (a hard link fails if another process made one meanwhile); false when
 * it could not be (no template, a file system without links): the database is then made as ever.
 */
function copyTemplate(template: string, file: string): boolean {
  const part = `${file}.${process.pid}.new`;
  try {
    fs.copyFileSync(template, part, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(part, 0o600);
    fs.linkSync(part, file);
    return true;
  } catch {
    return false;
  } finally {
    try {
      fs.rmSync(part, { force: true });
    } catch {
      // A stray copy beside the database: never read.
    }
  }
}

/** @param template the database the build made, copied for a new file (none: made by the migrations) */
export async function openDatabase(file: string, template: string | null = null, now: () => Date = () => new Date()): Promise<Db> {
  const dir = path.dirname(file);
  try {
    // Private to the user: the database holds guests' names, phones and addresses.
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new DatabaseOpenError(`Cannot create the data folder ${dir}: ${(err as Error).message}. Choose another place with --db PATH.`);
  }
  const created = !fs.existsSync(file);
  const copied = created && template !== null && copyTemplate(template, file);
  let readOnly: Db['readOnly'] = !created && userMadeReadOnly(file) ? 'file' : null;
  let sqlite: BetterSqlite3.Database | null = null;
  let asOpened = false;
  let kept: KeptTables | null = null;
  // New files (the database, its -wal and -shm) are created private. An existing database file's mode
  // is the user's: it is never changed (its -wal and -shm are SQLite's: companions.ts).
  const oldMask = process.umask(0o077);
  try {
    if (!readOnly) {
      if (!created) repairCompanionModes(file);
      try {
        sqlite = new BetterSqlite3(file);
        sqlite.exec('PRAGMA journal_mode = WAL');
        // Reads the schema: a file that is no database fails here.
        kept = keptTables(sqlite);
      } catch (err) {
        sqlite?.close();
        sqlite = null;
        // A folder this user may not write, or a full disk at start (no room for the WAL index):
        // the file can still be read.
        if (created || !canReadInstead(err)) throw err;
        readOnly = folderWritable(dir) ? 'disk' : 'folder';
      }
    }
    if (readOnly) ({ sqlite, asOpened } = openForReading(file, readOnly));
  } catch (err) {
    sqlite?.close();
    throw cannotOpen(file, err);
  } finally {
    process.umask(oldMask);
  }
  if (!sqlite) throw new DatabaseOpenError(`Cannot open the database ${file}.`);
  kept ??= keptTables(sqlite);
  const done = migrationsDone(sqlite, kept);
  const newer = done.filter((n) => !MIGRATION_NAMES.includes(n)).sort();
  if (newer.length) {
    sqlite.close();
    throw new DatabaseOpenError(
      `The database ${file} was made by a newer version of Recall Desk (it has ${newer.length === 1 ? 'a change' : 'changes'} this version does not know: ${newer.join(', ')}). Update Recall Desk to open it; the file was left as it was.`,
    );
  }
  if (readOnly) return openReadOnly(file, sqlite, readOnly, asOpened);
  // Opening and migrating may wait for another process's write: nothing is served yet (busy_timeout).
  // The lookup's indexes must stay in memory: 2 MB (the default cache_size) thrashes with a large library.
  // One exec: a one-shot CLI command pays for each statement's making.
  sqlite.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536');
  // Every migration done (every open but the first after an update): nothing to ask the migrator,
  // whose lock, table checks and transaction were a good part of a one-shot CLI command's time.
  if (!allDone(done)) {
    const { withMigrationLock } = await import('./migration-lock');
    await withMigrationLock(file, async () => {
      // Another process may have migrated the file while this one waited for it.
      if (allMigrated(sqlite)) return;
      await (await import('./migrate')).migrate(sqlite, file);
      didOneOffWork();
    });
  }
  // The built-in bulletins of a copied database are loaded here, now (the library says when). Making a
  // database is done once in its life: the CLI keeps no code cache of such a run (main/cli/start.ts).
  if (copied) {
    const at = now().toISOString();
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE campaigns SET loaded_at = ?').run(at);
      sqlite.prepare('UPDATE campaign_revisions SET loaded_at = ?').run(at);
    })();
    didOneOffWork();
  }
  if (kept.stat4) forgetStat4(sqlite);
  // Serving, the thread must never sleep in SQLite's busy wait: better-sqlite3 is synchronous, so a
  // write waiting 5 s for another process's import froze every lookup for 5 s. A connection gives up
  // after BUSY_TIMEOUT_MS; writes wait between attempts instead (db/busy.ts), lookups never wait.
  sqlite.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return {
    path: file,
    sqlite,
    created,
    readOnly: null,
    asOpened: false,
    async close() {
      sqlite.close();
    },
  };
}

/** Whether the file has the migrations' record, and SQLite's stat4 table: one read of its schema. */
type KeptTables = { migrations: boolean; stat4: boolean };

function keptTables(sqlite: BetterSqlite3.Database): KeptTables {
  const names = sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('kysely_migration', 'sqlite_stat4')")
    .pluck()
    .all();
  return { migrations: names.includes('kysely_migration'), stat4: names.includes('sqlite_stat4') };
}

/** The migrations recorded as done in the file. */
function migrationsDone(sqlite: BetterSqlite3.Database, kept: KeptTables): string[] {
  return kept.migrations ? sqlite.prepare<[], string>('SELECT name FROM kysely_migration').pluck().all() : [];
}

/** Whether every migration this version knows is among those `done`. */
const allDone = (done: readonly string[]) => MIGRATION_NAMES.every((m) => done.includes(m));

/** Whether every migration this version knows is recorded as done in the file (read again: another process may have run them). */
function allMigrated(sqlite: BetterSqlite3.Database): boolean {
  return allDone(migrationsDone(sqlite, keptTables(sqlite)));
}

/**
 * The app never runs ANALYZE, but a tool or a person may. With sqlite_stat4 present, SQLite re-plans
 * a statement each time a parameter that an index seeks on changes value: every lookup became 2.6x
 * slower. The lookup's statement is immune (main/lookup/service.ts); this keeps the rest so too.
 * sqlite_stat1 (row counts, no re-planning) stays.
 */
function forgetStat4(sqlite: BetterSqlite3.Database): void {
  try {
    sqlite.exec('DROP TABLE sqlite_stat4');
  } catch {
    // Read-only or locked: the lookup is immune anyway.
  }
}

/**
 * A read-only database answers lookups and refuses writes (SQLite refuses them: "the database is
 * read-only"). Nothing is migrated: a file that needs it says how to proceed.
 */
function openReadOnly(file: string, sqlite: BetterSqlite3.Database, why: ReadOnlyWhy, asOpened: boolean): Db {
  const hasMigrationTable = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  const done = new Set(hasMigrationTable ? sqlite.prepare<[], string>('SELECT name FROM kysely_migration').pluck().all() : []);
  const pending = MIGRATION_NAMES.filter((m) => !done.has(m));
  if (pending.length) {
    sqlite.close();
    throw new DatabaseOpenError(
      why === 'disk'
        ? `The disk that holds ${file} is full, and this version must update the database once: free some space, then try again.`
        : `The database ${file} is read-only and was made by an older version of Recall Desk: this version must update it once (${pending.length} ${pending.length === 1 ? 'change' : 'changes'}). Make the ${why === 'file' ? 'file' : 'folder and the file'} writable for one run, or open a copy.`,
    );
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('cache_size = -65536');
  return {
    path: file,
    sqlite,
    created: false,
    readOnly: why,
    asOpened,
    async close() {
      sqlite.close();
    },
  };
}
