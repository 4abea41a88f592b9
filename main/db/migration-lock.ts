// One process at a time migrates a database. Kysely's migrator takes no lock of its own on SQLite, so
// two processes opening a file that needs migrating (the window's first start after an update and a
// CLI command, or two commands a script starts together) both ran the pending migrations, and the
// second failed ("table "campaigns" already exists"). A file beside the database names the process
// that migrates; the others wait for it, then find the file migrated.
import fs from 'node:fs';
import { processAlive } from '../process-alive';
import { DatabaseOpenError } from './open';

/** The file beside the database while a process migrates it: that process's id. */
export const migrationLockFile = (dbPath: string) => `${dbPath}.migrating`;

/** How long a process waits for another's migrations (a large database's take a while) before it gives up. */
const WAIT_MS = 10 * 60_000;
const PAUSE_MS = 50;

/** The lock's process id, and the file it was read from (null: no lock there, or not ours to judge). */
function holder(file: string): { pid: number; ino: number } | null {
  try {
    const ino = fs.statSync(file).ino;
    const pid = Number(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? { pid, ino } : { pid: 0, ino };
  } catch {
    return null;
  }
}

/**
 * Runs `work` holding the database's migration lock; waits while another live process holds it. A lock
 * left by a process that died is taken over. Where no lock can be made (a folder the user made
 * read-only), the work runs without one: it fails there anyway, with its own words.
 */
export async function withMigrationLock<T>(dbPath: string, work: () => Promise<T>, waitMs = WAIT_MS): Promise<T> {
  const file = migrationLockFile(dbPath);
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return work();
      const h = holder(file);
      // A lock being written this instant reads empty (pid 0): wait for it like a live one.
      if (h && h.pid > 0 && !processAlive(h.pid)) {
        // Left by a process that died while migrating (its transaction rolled back): removed if it is still that file.
        if (holder(file)?.ino === h.ino) fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new DatabaseOpenError(
          `Another Recall Desk (process ${h?.pid ?? 'unknown'}) has been updating the database ${dbPath} for ${Math.round(waitMs / 60_000)} minutes. Wait for it to finish, or close it, then try again.`,
        );
      }
      await new Promise((r) => setTimeout(r, PAUSE_MS));
      continue;
    }
    try {
      fs.writeSync(fd, String(process.pid));
    } finally {
      fs.closeSync(fd);
    }
    try {
      return await work();
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
}
