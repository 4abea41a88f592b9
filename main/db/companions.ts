// The two files SQLite keeps beside a database in WAL mode: FILE-wal (the write-ahead log: committed
// changes not yet copied into the file) and FILE-shm (its index, shared by every connection). They are
// SQLite's, not the user's: it makes them with the database file's mode, and the last connection to
// close removes them.
import fs from 'node:fs';

export const walFile = (file: string) => `${file}-wal`;
export const shmFile = (file: string) => `${file}-shm`;

/** A file's size in bytes, or null when there is none (or it cannot be seen). */
export function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * A read-only connection leaves the -wal and -shm it made at the database's read-only mode (SQLite makes
 * them with the file's mode and, read-only, cannot remove them; main/db/read-only.ts). SQLite then opened
 * them read-only and refused every write, even after the user made the database writable again as the
 * message said.
 * On a writable open they get the mode SQLite gives them today, the database file's, when they are this
 * user's files. A mode change disturbs no process that has them open (a reader keeps reading), and no
 * file is opened here: closing a descriptor would drop this process's SQLite locks on it.
 */
export function repairCompanionModes(file: string): void {
  // Windows has no such modes: SQLite's files there never take the database's read-only attribute.
  if (process.platform === 'win32') return;
  const uid = process.getuid?.();
  let dbMode: number;
  try {
    dbMode = fs.statSync(file).mode & 0o777;
  } catch {
    return;
  }
  if ((dbMode & 0o200) === 0) return;
  for (const f of [walFile(file), shmFile(file)]) {
    try {
      const st = fs.lstatSync(f, { throwIfNoEntry: false });
      // Only SQLite's own file, never through a link; another user's is not ours to change.
      if (!st?.isFile() || st.uid !== uid || (st.mode & 0o200) !== 0) continue;
      fs.chmodSync(f, dbMode);
    } catch {
      // None there, or it cannot be changed: SQLite then says the database is read-only.
    }
  }
}
