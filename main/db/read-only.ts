// The connection of a database this process may only read: the user made the file read-only, its
// folder cannot be written by this user, or the disk is full. Lookups and every other read answer;
// SQLite refuses every write ("the database is read-only").
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { sizeOf, walFile } from './companions';

export type ReadOnlyWhy = 'file' | 'folder' | 'disk';

export type ReadConnection = {
  sqlite: BetterSqlite3.Database;
  /** Read from a copy of the file taken at open: what others write later is not seen. */
  asOpened: boolean;
};

/**
 * A database larger than this is never copied into memory (the copy costs its size, twice while it is
 * made): in a read-only folder it cannot then be read unless its -wal and -shm are there.
 */
const MAX_COPY_BYTES = 512 * 1024 * 1024;

/** A file copied while something wrote to it is read again, this many times at most. */
const COPY_ATTEMPTS = 3;

export function openForReading(file: string, why: ReadOnlyWhy): ReadConnection {
  if (why === 'disk') return { sqlite: openOnFullDisk(file), asOpened: false };
  try {
    return { sqlite: openInPlace(file), asOpened: false };
  } catch (err) {
    // Since SQLite 3.22 a read-only connection to a WAL database needs its -wal and -shm there, or the
    // right to make them: a folder this user may not write has neither.
    if (!isStorageRefusal(err)) throw err;
    if ((sizeOf(walFile(file)) ?? 0) > 0) throw walUnreadable(file);
    const copy = copyInMemory(file);
    if (copy) return { sqlite: copy, asOpened: true };
    throw folderUnreadable(file);
  }
}

/**
 * SQLite's read-only connection to the file itself, sharing the -wal and -shm with other processes (it
 * sees what they write). Where they are missing it makes them, with the file's read-only mode, and
 * cannot remove them when it closes: the next writable open gives them back the mode SQLite would
 * give them then (companions.ts), so writing works again once the user makes the file writable.
 */
function openInPlace(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * The file read whole into memory and opened from there, read-only: nothing is made beside it. This
 * build of SQLite takes no URI filenames, so `immutable=1` cannot be asked for; the copy means the same
 * (the file read as it stands), and no later write by another process can tear a page under a reader.
 * There is no -wal with changes in it (openForReading): the file is the whole database. While its
 * folder is read-only for this user, this user cannot write it; another user who may write that folder
 * (or root) can, and what they write after this open is not seen until the next one.
 */
function copyInMemory(file: string): BetterSqlite3.Database | null {
  for (let attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
    const before = fs.statSync(file);
    if (before.size > MAX_COPY_BYTES) return null;
    const bytes = fs.readFileSync(file);
    const after = fs.statSync(file);
    // A writer came meanwhile (it made a -wal, or changed the file): the copy may mix two states.
    if (!sameVersion(before, after) || bytes.length !== after.size || (sizeOf(walFile(file)) ?? 0) > 0) continue;
    // In memory there is no -wal to read through: the header says "rollback journal" (bytes 18-19).
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    return new BetterSqlite3(bytes, { readonly: true });
  }
  return null;
}

const sameVersion = (a: fs.Stats, b: fs.Stats) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/** SQLite could not open or make a file it needs (no write access, a read-only folder). */
const isStorageRefusal = (err: unknown) => /^SQLITE_(CANTOPEN|READONLY)/.test(String((err as { code?: unknown })?.code ?? ''));

function walUnreadable(file: string): Error {
  const base = path.basename(file);
  return new DatabaseOpenError(
    `Cannot read the database ${file}: it has changes not yet written into the file itself (in ${base}-wal), and SQLite can read them only with its index ${base}-shm beside them, which this user cannot make or open there. Make the folder (and those files) writable for this user for one run: Recall Desk then writes the changes into the file. Or copy ${base} and ${base}-wal together into a folder you may write, and open the copy with --db PATH.`,
  );
}

function folderUnreadable(file: string): Error {
  const base = path.basename(file);
  return new DatabaseOpenError(
    `Cannot read the database ${file}: its folder is read-only for this user, and SQLite cannot read it there without its files ${base}-wal and ${base}-shm beside it (the file is too large to read whole, or another program kept writing it meanwhile). Make the folder writable for this user, or copy the database into a folder you may write and open the copy with --db PATH.`,
  );
}

/**
 * On a full disk SQLite cannot make the WAL index (-shm) a shared read needs: the file is opened in
 * exclusive locking mode, which keeps that index in memory, and query_only, so nothing is written
 * (SQLite refuses writes as read-only). The exclusive lock only keeps other processes from writing
 * to a disk that has no room for their writes anyway.
 */
function openOnFullDisk(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('query_only = ON');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
