// A new database file is a copy of the one the build made (scripts/build.mjs, main/db/open.ts
// copyTemplate): this version's migrations and built-in library, nothing else. It must be exactly what
// the migrations make from nothing, but for when things were done; the first command on it then does
// no migration; it is made only where no file is.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { CLI, cli } from '../support/cli';
import { tempDir, testApp } from '../support/tempdb';
import { SHARED_VPIC } from '../support/vpic-path';

const VIN = 'JTJHY7AX4K4000001';
/** When things were done: the one difference a copy may have. */
const TIMES: Record<string, string[]> = { kysely_migration: ['timestamp'], campaigns: ['loaded_at'], campaign_revisions: ['loaded_at'] };

function contentOf(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const schema = db.prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const rows: Record<string, unknown[]> = {};
    for (const { name } of schema.filter((s) => s.type === 'table')) {
      // In one order whatever the table's keys (some have no rowid).
      rows[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        .map((r) => {
          for (const c of TIMES[name] ?? []) delete r[c];
          return JSON.stringify(r);
        })
        .sort();
    }
    return { schema, rows };
  } finally {
    db.close();
  }
}

/** The built CLI with its own TMPDIR (its code caches), as a first command on a machine. */
const run = (dir: string, args: string[]) => cli(args, { TMPDIR: dir });

test('a new database the CLI makes holds exactly what the migrations and the built-in library make, but for when', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const made = path.join(dir, 'made.sqlite');
  const started = new Date().toISOString();
  const r = run(dir, ['campaigns', '--db', made]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain(`New database created at ${made}`);
  const fromSource = path.join(tempDir(), 'source.sqlite');
  await (await testApp({ dbPath: fromSource })).close();
  const a = contentOf(made);
  const b = contentOf(fromSource);
  expect(a.schema).toEqual(b.schema);
  expect(Object.keys(a.rows)).toContain('campaigns');
  expect(a.rows).toEqual(b.rows);
  // The library says the bulletins were loaded when the database was made, not when the package was built.
  const db = new BetterSqlite3(made, { readonly: true });
  try {
    for (const at of db.prepare<[], string>('SELECT loaded_at FROM campaigns UNION ALL SELECT loaded_at FROM campaign_revisions').pluck().all())
      expect(at >= started).toBe(true);
  } finally {
    db.close();
  }
  expect((fs.statSync(made).mode & 0o777).toString(8)).toBe('600');
});

test("the first lookup on a new database does not migrate it: its migrations are the copy's, done before the command ran", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const started = new Date().toISOString();
  const r = run(dir, ['lookup', VIN, '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`VIN ${VIN}`);
  const sqlite = new BetterSqlite3(db, { readonly: true });
  try {
    const done = sqlite.prepare<[], string>('SELECT timestamp FROM kysely_migration').pluck().all();
    expect(done.length).toBeGreaterThan(10);
    expect(done.filter((at) => at >= started)).toEqual([]);
  } finally {
    sqlite.close();
  }
});

test('a file already there is never replaced by the copy, and two commands making one new database at once agree on it', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  // An empty file the person made: migrated where it is, not copied over.
  const empty = path.join(dir, 'empty.sqlite');
  new BetterSqlite3(empty).close();
  const ino = fs.statSync(empty).ino;
  const r = run(dir, ['campaigns', '--db', empty]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toContain('New database created');
  expect(fs.statSync(empty).ino).toBe(ino);
  // Two at once on a new name: both answer, one database, whole.
  const both = path.join(dir, 'both.sqlite');
  const codes = await Promise.all(
    [0, 1].map(
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [CLI, 'lookup', VIN, '--db', both], {
            env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
            stdio: 'ignore',
          });
          child.on('exit', resolve);
        }),
    ),
  );
  expect(codes).toEqual([0, 0]);
  const db = new BetterSqlite3(both, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(3);
  } finally {
    db.close();
  }
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.new'))).toEqual([]);
});

test('the new database the build made is in WAL mode already, as every database is opened: a first command does not switch it', () => {
  const template = path.join(path.dirname(CLI), 'new-database.sqlite');
  // The file's own header (bytes 18 and 19: 2 for WAL), read without opening it (an open could change it).
  const header = Buffer.alloc(20);
  const fd = fs.openSync(template, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  expect([header[18], header[19]]).toEqual([2, 2]);
  // One file, whole: nothing of it left in a WAL beside it.
  expect(fs.existsSync(`${template}-wal`)).toBe(false);
});
