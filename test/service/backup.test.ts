// Backups with SQLite's online backup: `recall-desk backup`, one a day with the last 14 kept, one
// before every migration; `recall-desk restore` checks the copy first, refuses while the database is
// shared and keeps the file it replaces.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { backupsDir, dailyBackup, markShared } from '../../main/db/backup';
import { migrations } from '../../main/db/migrations/index';
import { openDatabase } from '../../main/db/open';
import { cli } from '../support/cli';
import { migratingDb } from '../support/migrate';
import { tempDbPath, tempDir } from '../support/tempdb';

const receive = (db: string, n: number) => cli(['stock', 'receive', '12345-67890', String(n), '--by', 'Pat', '--db', db]);
const onHand = (db: string) => JSON.parse(cli(['stock', 'history', '12345-67890', '--json', '--db', db]).stdout).position.onHand as number;

test('backup --out makes a whole, private copy; restore puts it back and keeps the replaced file', () => {
  const db = tempDbPath();
  expect(cli(['parts', 'set', 'BLC', '12345-67890', '--description', 'Clip', '--released', '--by', 'Pat', '--db', db]).code).toBe(0);
  expect(receive(db, 3).code).toBe(0);
  const copy = path.join(tempDir(), 'copy.sqlite');
  const b = cli(['backup', '--out', copy, '--db', db]);
  expect(b.code).toBe(0);
  expect(b.stdout).toContain(`to ${copy}`);
  expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
  const check = new BetterSqlite3(copy, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();

  expect(receive(db, 4).code).toBe(0);
  expect(onHand(db)).toBe(7);
  const r = cli(['restore', copy, '--db', db]);
  expect(r.code).toBe(0);
  const kept = /The replaced database is kept as (.+)$/m.exec(r.stdout)![1]!;
  expect(onHand(db)).toBe(3);
  expect(onHand(kept)).toBe(7);
}, 120_000);

test('restore refuses a damaged copy, something that is not a Recall Desk database, and a shared database', () => {
  const db = tempDbPath();
  expect(receive(db, 1).code).toBe(2); // no such part: the database exists, nothing recorded
  const dir = tempDir();
  const damaged = path.join(dir, 'damaged.sqlite');
  fs.copyFileSync(db, damaged);
  const bytes = fs.readFileSync(damaged);
  bytes.fill(0x55, 4096, 12_288);
  fs.writeFileSync(damaged, bytes);
  const r1 = cli(['restore', damaged, '--db', db]);
  expect(r1.code).toBe(2);
  expect(r1.stderr).toMatch(/^Not restored: .*(integrity check|not a database|cannot be opened).*The database was left as it was\.$/m);

  const other = path.join(dir, 'other.sqlite');
  new BetterSqlite3(other).exec('CREATE TABLE t (x)');
  const r2 = cli(['restore', other, '--db', db]);
  expect([r2.code, r2.stderr.trim()]).toEqual([
    2,
    `Not restored: ${other} is not a Recall Desk database (it has no migrations table). The database was left as it was.`,
  ]);

  const good = path.join(dir, 'good.sqlite');
  expect(cli(['backup', '--out', good, '--db', db]).code).toBe(0);
  const unmark = markShared(db); // this test process stands for a running serve --lan
  try {
    const r3 = cli(['restore', good, '--db', db]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(`the database is being shared with the other desks (process ${process.pid})`);
  } finally {
    unmark();
  }
  expect(cli(['restore', good, '--db', db]).code).toBe(0);
}, 120_000);

test('one copy a day, the last 14 kept', async () => {
  const file = tempDbPath();
  const db = await openDatabase(file);
  try {
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    for (let d = 1; d <= 20; d++) fs.writeFileSync(path.join(dir, `recall-desk-daily-2026-10-${String(d).padStart(2, '0')}.sqlite`), '');
    fs.writeFileSync(path.join(dir, 'recall-desk-before-009_accounts_and_audit-2026-10-01.sqlite'), '');
    const made = await dailyBackup(db.sqlite, file, new Date(2026, 11, 6, 9));
    expect(made).toBe(path.join(dir, 'recall-desk-daily-2026-12-06.sqlite'));
    expect(await dailyBackup(db.sqlite, file, new Date(2026, 11, 6, 15))).toBeNull();
    const names = fs.readdirSync(dir).sort();
    expect(names.filter((n) => n.includes('daily'))).toHaveLength(14);
    expect(names).toContain('recall-desk-daily-2026-12-06.sqlite');
    expect(names).not.toContain('recall-desk-daily-2026-10-07.sqlite');
    expect(names).toContain('recall-desk-daily-2026-10-20.sqlite');
    // The copies before migrations are never pruned.
    expect(names).toContain('recall-desk-before-009_accounts_and_audit-2026-10-01.sqlite');
    const copy = new BetterSqlite3(made!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  } finally {
    await db.close();
  }
});

test('a database of an older shape is copied before it is migrated; a new one is not', async () => {
  const m = migratingDb();
  const names = Object.keys(migrations);
  const last = names.at(-1)!;
  await m.migrateTo(names.at(-2)!);
  m.sqlite
    .prepare("INSERT INTO stock_movements (part, part_number, kind, quantity, made_by, made_at) VALUES ('04002-****', '04002-12345', 'receive', 1, 'Pat', 'x')")
    .run();
  const file = m.sqlite.name;
  await m.close();
  const db = await openDatabase(file);
  await db.close();
  const copies = fs.readdirSync(backupsDir(file));
  expect(copies).toEqual([expect.stringMatching(new RegExp(`^recall-desk-before-${last}-.*\\.sqlite$`))]);
  const copy = new BetterSqlite3(path.join(backupsDir(file), copies[0]!), { readonly: true });
  // The copy is the old shape, with what was recorded.
  expect(copy.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').pluck().get()).toBe(names.at(-2));
  expect(copy.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(1);
  copy.close();

  const fresh = tempDbPath();
  await (await openDatabase(fresh)).close();
  expect(fs.existsSync(backupsDir(fresh))).toBe(false);
});
