// SQLite's storage faults in plain words. A user hitting a full disk, a read-only or damaged file, or
// another program's write lock reads what happened and what to do; nothing half-done is kept, because
// every write is one transaction.
import { busyWriting } from '../../shared/wording';

/** The database cannot be opened as asked: the message says why and what to do (the CLI exits 2). */
export class DatabaseOpenError extends Error {}

const WORDS: Record<string, string> = {
  SQLITE_FULL: 'The disk is full: nothing was changed. Free some space on the drive that holds the database, then try again.',
  SQLITE_READONLY:
    'The database is read-only: nothing was changed. Lookups still answer; to change anything, make the file (and its folder) writable for this user, or choose another with --db PATH.',
  SQLITE_CORRUPT:
    'The database file is damaged: nothing was changed. Restore it from a backup, or start a new database with --db PATH and import the lists again.',
  SQLITE_NOTADB: 'The file is not a database, or it is damaged: it was left as it was. Choose the right file with --db PATH, or start a new one.',
  SQLITE_BUSY: busyWriting(null),
  SQLITE_IOERR: 'The disk could not be read or written: nothing was changed. Check the drive (is it full, unplugged or failing?) and try again.',
  SQLITE_CANTOPEN: 'The database file cannot be opened: check that its folder exists and may be written by this user, or choose another with --db PATH.',
};

/** The plain message for a SQLite storage fault, or null when the error is not one. */
export function describeStorageError(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED ...) share their base's words.
  const base = Object.keys(WORDS).find((k) => code === k || code.startsWith(`${k}_`));
  return base ? WORDS[base]! : null;
}

/**
 * Why a write is refused on a database opened read-only (main/db/open.ts): a writer with a connection
 * of its own checks this first, since SQLite lets root write a file whatever its mode.
 */
export function readOnlyRefusal(why: 'file' | 'folder' | 'disk'): string {
  return WORDS[why === 'disk' ? 'SQLITE_FULL' : 'SQLITE_READONLY']!;
}
