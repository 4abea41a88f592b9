// The database file as users meet it: made read-only by them, mistyped (a new empty file), written by
// a newer Recall Desk, damaged in the middle of a long check, or on a full disk. Real files, the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { cliOnSmallDisk } from '../support/full-disk';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const mode = (f: string) => fs.statSync(f).mode & 0o777;

/** A database with ALE's list of `n` VINs (complete). */
function withList(n: number, db = tempDbPath()): string {
  const list = path.join(tempDir(), 'tis.txt');
  fs.writeFileSync(list, Array.from({ length: n }, (_, i) => ALE(1000 + i)).join('\n'));
  const r = cli(['import-vins', 'ALE', list, '--complete', '--date', '2010-07-07', '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

test('a read-only (0444) database keeps its mode: lookups answer, writes are refused as read-only', () => {
  const db = withList(3);
  // Checkpointed and closed: the file alone holds everything.
  const s = new BetterSqlite3(db);
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  fs.chmodSync(db, 0o444);
  const r = cli(['lookup', ALE(1001), '--json', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).campaigns[0]).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
  expect(mode(db)).toBe(0o444);
  const w = cli(['settings', 'staff', 'add', 'Ann', '--db', db]);
  expect(w.code).toBe(2);
  expect(w.stderr).toMatch(/the database is read-only/i);
  expect(mode(db)).toBe(0o444);
  const again = cli(['lookup', ALE(1002), '--db', db]);
  expect(again.code).toBe(0);
  expect(mode(db)).toBe(0o444);
});

test('imports into a read-only (0444) database are refused before any write, in one plain message', () => {
  const db = withList(3);
  const s = new BetterSqlite3(db);
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  fs.rmSync(`${db}-wal`, { force: true });
  fs.chmodSync(db, 0o444);
  const bytes = fs.readFileSync(db);
  const dir = tempDir();
  const list = path.join(dir, 'tis.txt');
  fs.writeFileSync(list, `${ALE(1001)}\n${ALE(2001)}\n`);
  const csv = path.join(dir, 'dms.csv');
  fs.writeFileSync(csv, `vin,model\n${ALE(3001)},IS250\n`);
  // As root SQLite would write the file anyway: the refusal is the app's, the same for any user.
  for (const args of [
    ['import-vins', 'ALE', list, '--db', db],
    ['import-vins', 'ALE', list, '--dry-run', '--db', db],
    ['import-vehicles', csv, '--db', db],
  ]) {
    const r = cli(args);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.stderr.match(/the database is read-only/gi), r.stderr).toHaveLength(1);
    expect(r.stderr).not.toMatch(/audit entry|readonly database/);
    expect(r.stdout).not.toMatch(/imported/);
    expect(mode(db)).toBe(0o444);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
    // Nothing waits in a write-ahead log either.
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
  }
  expect(JSON.parse(cli(['lookup', ALE(2001), '--json', '--db', db]).stdout).campaigns).toEqual([]);
  expect(JSON.parse(cli(['lookup', ALE(1001), '--json', '--db', db]).stdout).campaigns[0]).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
});

test('a new database is said on stderr; a lookup on a database with no list and no vehicles says so', () => {
  const db = path.join(tempDir(), 'typo.sqlite');
  const r = cli(['lookup', ALE(1001), '--db', db]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(`New database created at ${db}\n`);
  expect(r.stdout).toContain('This database has no affected-VIN list and no vehicles');
  const json = cli(['lookup', ALE(1001), '--json', '--db', db]);
  expect(json.stderr).toBe('');
  expect(JSON.parse(json.stdout).emptyDatabase).toBe(true);
  const full = withList(3);
  const answer = JSON.parse(cli(['lookup', ALE(1001), '--json', '--db', full]).stdout);
  expect(answer.emptyDatabase).toBe(false);
  expect(cli(['lookup', ALE(1001), '--db', full]).stdout).not.toContain('no affected-VIN list');
});

test('a database written by a newer Recall Desk says so and to update; the file is left as it was', () => {
  const db = withList(1);
  const s = new BetterSqlite3(db);
  s.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('099_from_the_future', new Date().toISOString());
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  const before = fs.readFileSync(db);
  const r = cli(['lookup', ALE(1000), '--db', db]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/made by a newer version of Recall Desk.*Update Recall Desk/s);
  expect(r.stderr).not.toMatch(/corrupted migrations/);
  expect(fs.readFileSync(db).equals(before)).toBe(true);
});

test('a damaged page met during a long check: plain words, the line reached, integrity_check advice', () => {
  const db = withList(40_000);
  const s = new BetterSqlite3(db);
  s.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = s.pragma('page_size', { simple: true }) as number;
  s.close();
  // Scribble over a run of pages in the middle of the file (the list's table and index live there).
  const size = fs.statSync(db).size;
  const fd = fs.openSync(db, 'r+');
  const junk = Buffer.alloc(pageSize * 40, 0xa5);
  fs.writeSync(fd, junk, 0, junk.length, Math.floor(size / pageSize / 2) * pageSize);
  fs.closeSync(fd);
  const list = path.join(tempDir(), 'check.txt');
  fs.writeFileSync(list, Array.from({ length: 40_000 }, (_, i) => ALE(1000 + i)).join('\n'));
  const r = cli(['check', list, '--db', db]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/The database file is damaged/);
  expect(r.stderr).toMatch(/stopped at line [\d,]+ of check\.txt/);
  expect(r.stderr).toMatch(/PRAGMA integrity_check/);
  expect(r.stderr).not.toMatch(/SqliteError|at .*\.cjs|database disk image is malformed/);
}, 120_000);

test('with the disk full at start, lookups still work', () => {
  const db = withList(3);
  const s = new BetterSqlite3(db);
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  const disk = tempDir();
  const size = Math.ceil(fs.statSync(db).size / 1024) + 64;
  // The database copied onto a small disk, then the rest of the disk filled.
  const prepare = `cp "${db}" "$DIR/db.sqlite"; head -c ${size * 1024} /dev/zero > "$DIR/filler" 2>/dev/null || true; `;
  const r = cliOnSmallDisk(disk, size, prepare, ['lookup', ALE(1001), '--json', '--db', path.join(disk, 'db.sqlite')], 'df -k "$DIR" | tail -1');
  expect(r.after).toMatch(/\s100%\s/);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).campaigns[0]).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
});
