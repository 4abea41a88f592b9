// The database's migration lock (main/db/migration-lock.ts): one process migrates, the others wait for
// it; a lock left by a process that died is taken over. The processes racing for it are in
// test/cli/migrate-at-once.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { migrationLockFile, withMigrationLock } from '../../main/db/migration-lock';
import { DatabaseOpenError } from '../../main/db/open';
import { tempDir } from '../support/tempdb';

/** The id of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('the work runs holding the lock, which names this process, and is gone after, whether the work succeeds or fails', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  const lock = migrationLockFile(db);
  const seen = await withMigrationLock(db, async () => fs.readFileSync(lock, 'utf8'));
  expect(seen).toBe(String(process.pid));
  expect(fs.existsSync(lock)).toBe(false);
  await expect(
    withMigrationLock(db, async () => {
      throw new Error('migration failed');
    }),
  ).rejects.toThrow('migration failed');
  expect(fs.existsSync(lock)).toBe(false);
});

test('a lock left by a process that died is taken over', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  const pid = deadPid();
  fs.writeFileSync(migrationLockFile(db), String(pid));
  const seen = await withMigrationLock(db, async () => fs.readFileSync(migrationLockFile(db), 'utf8'), 60_000);
  expect(seen).toBe(String(process.pid));
});

test("a live process's lock is waited for: the work runs once it is gone", async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  const lock = migrationLockFile(db);
  // Held by a live process (this one, as another process would hold it).
  fs.writeFileSync(lock, String(process.pid));
  const order: string[] = [];
  setTimeout(() => {
    order.push('released');
    fs.rmSync(lock);
  }, 200);
  await withMigrationLock(
    db,
    async () => {
      order.push('work');
    },
    60_000,
  );
  expect(order).toEqual(['released', 'work']);
});

test('a lock held past the wait gives up with words naming the process and the file, and the work never runs', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  fs.writeFileSync(migrationLockFile(db), String(process.pid));
  let ran = false;
  const r = withMigrationLock(
    db,
    async () => {
      ran = true;
    },
    100,
  );
  await expect(r).rejects.toBeInstanceOf(DatabaseOpenError);
  await expect(r).rejects.toThrow(`Another Recall Desk (process ${process.pid}) has been updating the database ${db}`);
  expect(ran).toBe(false);
  // The other process's lock is left as it was.
  expect(fs.readFileSync(migrationLockFile(db), 'utf8')).toBe(String(process.pid));
});

test('where no lock can be made (a folder that is not there), the work runs without one and says what it says', async () => {
  const db = path.join(tempDir(), 'no-such-folder', 'db.sqlite');
  await expect(
    withMigrationLock(db, async () => {
      throw new Error('cannot open the database');
    }),
  ).rejects.toThrow('cannot open the database');
});
