// Backups of the database with SQLite's online backup (a consistent copy while the app is in use):
// one a day (the last 14 kept), one before every migration (each kept), and one on request. A copy is
// restored only after its integrity check, never while the database is shared, and the file it
// replaces is kept beside it.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { writeOutWith } from '../files/write-out';
import { processAlive } from '../process-alive';

export const DAILY_KEPT = 14;
export const BACKUP_FOLDER = 'backups';

const DAILY = /^recall-desk-daily-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export const backupsDir = (dbPath: string) => path.join(path.dirname(dbPath), BACKUP_FOLDER);

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A consistent copy of the open database in `file` (made private to the user), via a temp file. */
export async function backupTo(sqlite: BetterSqlite3.Database, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.partial`;
  fs.rmSync(tmp, { force: true });
  await copyInto(sqlite, tmp);
  if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return file;
}

/** SQLite's online backup into `file`, as one file whatever mode the database runs in. */
async function copyInto(sqlite: BetterSqlite3.Database, file: string): Promise<void> {
  // SQLite makes its journal beside the copy while it writes: private as the copy.
  const oldMask = process.umask(0o077);
  try {
    await sqlite.backup(file);
  } catch (err) {
    fs.rmSync(`${file}-journal`, { force: true });
    throw err;
  } finally {
    process.umask(oldMask);
  }
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * `recall-desk backup`: now, to the file the user named (by the safe writer: a link there is replaced,
 * a file replaced keeps its mode, a failure leaves nothing) or into the backups folder.
 */
export async function manualBackup(
  sqlite: BetterSqlite3.Database,
  dbPath: string,
  now: Date,
  out: string | null,
): Promise<{ file: string; replaced: boolean }> {
  if (!out) fs.mkdirSync(backupsDir(dbPath), { recursive: true, mode: 0o700 });
  const file = out ?? path.join(backupsDir(dbPath), `recall-desk-${stamp(now)}.sqlite`);
  return writeOutWith(file, (temp) => copyInto(sqlite, temp));
}

/** Today's copy unless there is one already; then only the newest DAILY_KEPT daily copies stay. */
export async function dailyBackup(sqlite: BetterSqlite3.Database, dbPath: string, now: Date): Promise<string | null> {
  const dir = backupsDir(dbPath);
  const file = path.join(dir, `recall-desk-daily-${localDay(now)}.sqlite`);
  let made: string | null = null;
  if (!fs.existsSync(file)) made = await backupTo(sqlite, file);
  pruneDaily(dir);
  return made;
}

export function pruneDaily(dir: string, keep = DAILY_KEPT): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => DAILY.test(n));
  } catch {
    return [];
  }
  const old = names.sort().reverse().slice(keep);
  for (const n of old) fs.rmSync(path.join(dir, n), { force: true });
  return old;
}

/** Before a migration changes the file: a copy named after the migration, kept for good. */
export async function preMigrationBackup(sqlite: BetterSqlite3.Database, dbPath: string, migration: string, now: Date): Promise<string> {
  return backupTo(sqlite, path.join(backupsDir(dbPath), `recall-desk-before-${migration}-${stamp(now)}.sqlite`));
}

/** Checks the copy once a day while a process keeps the database open (the sharing PC, a window). */
export function scheduleDailyBackups(sqlite: BetterSqlite3.Database, dbPath: string, now: () => Date, log: (m: string) => void): () => void {
  const run = () => dailyBackup(sqlite, dbPath, now()).catch((err: Error) => log(`recall-desk: the daily backup could not be made: ${err.message}`));
  // A little after start (the first screen comes first), then every hour (a new day is noticed).
  const first = setTimeout(run, 5_000);
  const hourly = setInterval(run, 3600_000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}

// --- sharing marker ---------------------------------------------------------------------------

/** While `serve --lan` shares a database, this file beside it names the process. */
export const sharingMarker = (dbPath: string) => `${dbPath}.sharing`;

export function markShared(dbPath: string): () => void {
  const file = sharingMarker(dbPath);
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

/** The process sharing the database, if it is still running. */
export function sharedBy(dbPath: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(sharingMarker(dbPath), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}

// --- restore ------------------------------------------------------------------------------------

export class RestoreRefused extends Error {}

/** Whether `file` is a whole, readable Recall Desk database: the reason if not. */
export function checkCopy(file: string): string | null {
  let db: BetterSqlite3.Database;
  try {
    if (!fs.statSync(file).isFile()) return `${file} is not a file`;
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file}: no such file` : `${file} cannot be opened: ${(err as Error).message}`;
  }
  try {
    const result = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return `${file} failed its integrity check: ${problems.slice(0, 3).join('; ')}`;
    const ours = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!ours) return `${file} is not a Recall Desk database (it has no migrations table)`;
    return null;
  } catch (err) {
    return `${file} is not a database (${(err as Error).message})`;
  } finally {
    db.close();
  }
}

/**
 * Puts the copy `file` in place of the database at `dbPath` (no process may have it open): the
 * copy's integrity first, then the current file kept as `<db>.replaced-<time>`, then the swap.
 */
export async function restoreFrom(file: string, dbPath: string, now: Date): Promise<{ replaced: string | null }> {
  const why = checkCopy(file);
  if (why) throw new RestoreRefused(`Not restored: ${why}. The database was left as it was.`);
  const pid = sharedBy(dbPath);
  if (pid !== null) {
    throw new RestoreRefused(
      `Not restored: the database is being shared with the other desks (process ${pid}). Stop sharing (Ctrl+C in serve --lan) first, then restore.`,
    );
  }
  if (path.resolve(file) === path.resolve(dbPath)) throw new RestoreRefused('Not restored: that is the database itself; name a backup copy.');
  let replaced: string | null = null;
  if (fs.existsSync(dbPath)) {
    replaced = `${dbPath}.replaced-${stamp(now)}`;
    const current = new BetterSqlite3(dbPath, { fileMustExist: true });
    try {
      await backupTo(current, replaced);
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const tmp = `${dbPath}.restoring`;
  try {
    await backupTo(source, tmp);
  } finally {
    source.close();
  }
  for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, dbPath);
  return { replaced };
}
