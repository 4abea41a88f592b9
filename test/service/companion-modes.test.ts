// SQLite's -wal and -shm beside a database, left at its read-only mode by a read-only run: a writable
// open gives them the database file's mode again (else SQLite refused every write for good), and never
// changes anything else: not a file a link points to, not another user's file, not while the database
// itself is read-only. Real files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { repairCompanionModes } from '../../main/db/companions';
import { openDatabase } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/tempdb';

const mode = (f: string) => fs.statSync(f).mode & 0o777;

/**
 * A database closed cleanly, then the -wal and -shm a read-only run leaves: an empty log and a 32 KB
 * index, at the file's mode then (0444). (SQLite itself fixes the mode of an empty file it opens, never
 * of the index.)
 */
async function withLeftovers(): Promise<string> {
  const file = tempDbPath();
  await (await openDatabase(file)).close();
  fs.writeFileSync(`${file}-wal`, '');
  fs.writeFileSync(`${file}-shm`, Buffer.alloc(32768));
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o444);
  return file;
}

test('a writable open gives the -wal and -shm the database file mode again; the file keeps its own', async () => {
  const file = await withLeftovers();
  fs.chmodSync(file, 0o640);
  const db = await openDatabase(file);
  try {
    expect(db.readOnly).toBeNull();
    db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    // While it is open (the last connection to close removes them).
    expect([mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o640, 0o640]);
  } finally {
    await db.close();
  }
  expect(mode(file)).toBe(0o640);
});

test('while the database itself is read-only, nothing beside it is changed', async () => {
  const file = await withLeftovers();
  fs.chmodSync(file, 0o444);
  repairCompanionModes(file);
  expect([mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o444, 0o444]);
});

test('a link named like the -shm is never followed: the file it points to keeps its mode', async () => {
  const file = await withLeftovers();
  fs.chmodSync(file, 0o600);
  const other = path.join(tempDir(), 'letter.txt');
  fs.writeFileSync(other, 'not SQLite');
  fs.chmodSync(other, 0o444);
  fs.rmSync(`${file}-shm`);
  fs.symlinkSync(other, `${file}-shm`);
  repairCompanionModes(file);
  expect(mode(other)).toBe(0o444);
  expect(mode(`${file}-wal`)).toBe(0o600);
});

test.skipIf(process.getuid?.() !== 0)("another user's -shm is not this user's to change", async () => {
  const file = await withLeftovers();
  fs.chmodSync(file, 0o644);
  fs.chownSync(`${file}-shm`, 65534, 65534);
  repairCompanionModes(file);
  expect(mode(`${file}-shm`)).toBe(0o444);
  expect(mode(`${file}-wal`)).toBe(0o644);
});
