// The database's migration lock (main/db/migration-lock.ts): one process migrates, the others wait for
// it; a lock whose process died is free at once, whatever became of its process id. The processes
// racing for it are in test/cli/migrate-at-once.test.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, expect, test } from 'vitest';
import { migrationLockFile, withMigrationLock } from '../../main/db/migration-lock';
import { DatabaseOpenError } from '../../main/db/open';
import { tempDir } from '../support/tempdb';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A script holding a database's migration lock with withMigrationLock itself, until it is killed. */
function holderScript(): string {
  const out = path.join(tempDir(), 'holder.cjs');
  buildSync({
    stdin: {
      // The work's promise is kept by a global: an unreachable one would let the lock's connection be collected.
      contents: `import { withMigrationLock } from './main/db/migration-lock';
        void withMigrationLock(process.argv[2]!, () => new Promise((resolve) => {
          Object.assign(globalThis, { release: resolve });
          setInterval(() => {}, 1000);
          process.stdout.write('held\\n');
        }));`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

/** Another process holding the database's migration lock (as withMigrationLock holds it) until it is killed. */
async function otherHolder(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [holderScript(), db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`the holder exited ${code}: ${err}`)));
  });
  return child;
}

/** A live process that has nothing to do with the database. */
function bystander(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

test('a lock left by a process that died, whose id now names another live process, does not hold the database up', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  // What a process that died while migrating left, once the system gave its id to another process.
  fs.writeFileSync(migrationLockFile(db), String(bystander().pid));
  let ran = false;
  await withMigrationLock(
    db,
    async () => {
      ran = true;
    },
    2_000,
  );
  expect(ran).toBe(true);
});

test('the work runs holding the lock, and the lock is free after, whether the work succeeds or fails', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  // While the work runs, another opener waits.
  const inside = await withMigrationLock(db, async () => {
    const other = withMigrationLock(db, async () => 'other ran', 200);
    return other.then(
      () => 'not held',
      (err: Error) => err.message,
    );
  });
  expect(inside).toMatch(/^Another Recall Desk has been updating the database/);
  await expect(
    withMigrationLock(db, async () => {
      throw new Error('migration failed');
    }),
  ).rejects.toThrow('migration failed');
  expect(await withMigrationLock(db, async () => 'free', 200)).toBe('free');
});

test("a live process's lock is waited for; killed, its lock is free at once", async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  const holder = await otherHolder(db);
  const order: string[] = [];
  setTimeout(() => {
    order.push('killed');
    holder.kill('SIGKILL');
  }, 300);
  await withMigrationLock(
    db,
    async () => {
      order.push('work');
    },
    60_000,
  );
  expect(order).toEqual(['killed', 'work']);
});

test('a lock held past the wait gives up with words naming the file, and the work never runs', async () => {
  const db = path.join(tempDir(), 'db.sqlite');
  await otherHolder(db);
  let ran = false;
  const r = withMigrationLock(
    db,
    async () => {
      ran = true;
    },
    100,
  );
  await expect(r).rejects.toBeInstanceOf(DatabaseOpenError);
  await expect(r).rejects.toThrow(`Another Recall Desk has been updating the database ${db}`);
  expect(ran).toBe(false);
});

test('where no lock can be made (a folder that is not there), the work runs without one and says what it says', async () => {
  const db = path.join(tempDir(), 'no-such-folder', 'db.sqlite');
  await expect(
    withMigrationLock(db, async () => {
      throw new Error('cannot open the database');
    }),
  ).rejects.toThrow('cannot open the database');
});
