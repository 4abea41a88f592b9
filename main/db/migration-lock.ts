// One process at a time migrates a database. Kysely's migrator takes no lock of its own on SQLite, so
// two processes opening a file that needs migrating (the window's first start after an update and a
// CLI command, or two commands a script starts together) both ran the pending migrations, and the
// second failed ("table "campaigns" already exists"). The process that migrates holds an exclusive
// SQLite lock on a small file beside the database; the others wait for it, then find the file migrated.
// The system frees the lock when its process ends, however it ends: a file naming the process could
// outlive it and, once its id was given to another process, hold every opener up.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseOpenError } from './open';

/**
 * The file beside the database whose lock the migrating process holds: empty, only its lock is used, and
 * kept (removed, a process waiting on it would lock a file no longer there while a newcomer made another).
 */
export const migrationLockFile = (dbPath: string) => `${dbPath}.migration-lock`;

/** The locks held: reachable while held, whatever keeps the work's promise (a collected connection is closed). */
const held = new Set<BetterSqlite3.Database>();

/** How long a process waits for another's migrations (a large database's take a while) before it gives up. */
const WAIT_MS = 10 * 60_000;
const PAUSE_MS = 50;

const code = (err: unknown) => (err as { code?: string }).code ?? '';

/** The lock's connection, the file made private if new; null where none can be made (a read-only folder). */
function openLock(file: string): BetterSqlite3.Database | null {
  try {
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    return new BetterSqlite3(file, { timeout: 0 });
  } catch {
    return null;
  }
}

/**
 * Takes the lock: true when held, false where it cannot be (the work then runs without it). A file that
 * is not an empty database (something else written there) can be held by no one: emptied.
 */
async function take(lock: BetterSqlite3.Database, file: string, dbPath: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      lock.exec('BEGIN EXCLUSIVE');
      return true;
    } catch (err) {
      if (code(err) === 'SQLITE_NOTADB') {
        fs.truncateSync(file, 0);
        continue;
      }
      if (code(err) !== 'SQLITE_BUSY') return false;
    }
    if (Date.now() > deadline) {
      const minutes = Math.round(waitMs / 60_000);
      throw new DatabaseOpenError(
        `Another Recall Desk has been updating the database ${dbPath} for ${minutes > 0 ? `${minutes} minutes` : 'a while'}. Wait for it to finish, or close it, then try again.`,
      );
    }
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}

/**
 * Runs `work` holding the database's migration lock; waits while another process holds it. Where no lock
 * can be made (a folder the user made read-only), the work runs without one: it fails there anyway, with
 * its own words.
 */
export async function withMigrationLock<T>(dbPath: string, work: () => Promise<T>, waitMs = WAIT_MS): Promise<T> {
  const file = migrationLockFile(dbPath);
  const lock = openLock(file);
  if (!lock) return work();
  try {
    if (await take(lock, file, dbPath, waitMs)) held.add(lock);
    try {
      return await work();
    } finally {
      if (held.delete(lock)) lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
