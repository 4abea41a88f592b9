// The database file under real faults: private permissions (it holds guests' names and phones), a
// damaged file, a read-only file and a full disk all give a plain message, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { DatabaseOpenError, openDatabase } from '../../main/db/open';
import { describeStorageError } from '../../main/db/errors';
import { tempDbPath, tempDir, testApp } from '../support/tempdb';

describe('the database file', () => {
  test('a new data folder is 0700 and the database files 0600', async () => {
    const file = tempDbPath();
    const db = await openDatabase(file);
    try {
      db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`].filter((x) => fs.existsSync(x))) {
        expect({ f, mode: (fs.statSync(f).mode & 0o777).toString(8) }).toEqual({ f, mode: '600' });
      }
    } finally {
      await db.close();
    }
  });

  test("an existing database's mode is the user's: it is never changed on open (issue 17)", async () => {
    const file = tempDbPath();
    await (await openDatabase(file)).close();
    fs.chmodSync(file, 0o644);
    await (await openDatabase(file)).close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
  });

  test('a damaged file says so and how to go on', async () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x41)]));
    const err = await openDatabase(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as Error).message).toMatch(/damaged|not a database/);
    expect((err as Error).message).not.toMatch(/\n\s+at /);
  });

  test('a read-only database file is opened read-only and keeps its mode', async () => {
    const file = tempDbPath();
    await (await openDatabase(file)).close();
    fs.chmodSync(file, 0o400);
    const db = await openDatabase(file);
    try {
      expect(db.readOnly).toBe('file');
      expect(() => db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/);
    } finally {
      await db.close();
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
  });

  test('storage errors from SQLite become plain words', () => {
    const e = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(describeStorageError(e('SQLITE_FULL', 'database or disk is full'))).toMatch(/disk is full.*nothing was changed/i);
    expect(describeStorageError(e('SQLITE_READONLY', 'attempt to write a readonly database'))).toMatch(/read-only/);
    expect(describeStorageError(e('SQLITE_CORRUPT', 'database disk image is malformed'))).toMatch(/damaged/);
    expect(describeStorageError(e('SQLITE_BUSY', 'database is locked'))).toMatch(/another .*is writing/i);
    expect(describeStorageError(new Error('x'))).toBeNull();
  });

  test('a disk-full error during an operation reaches the user as a plain message', async () => {
    const app = await testApp();
    const dispatch = createDispatcher(
      app,
      {
        ...(await (await import('../../main/api/handlers')).createHandlers(app)),
        appInfo: () => {
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        },
      },
      () => {},
    );
    const r = await dispatch('appInfo', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!r.ok) expect(r.error.message).toMatch(/disk is full/);
  });
});
