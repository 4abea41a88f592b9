// A database the user made read-only, run as an ordinary user (root writes any file whatever its mode):
// reads answer, writes are refused in words that say what to do, and doing it restores writing (SQLite's
// -wal and -shm, made at the file's read-only mode, no longer keep it read-only), and a read-only folder
// reads as well as a read-only file (issue 17, "The database file"). Real files, the built CLI.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { readAsOpenedNote } from '../../shared/wording';
import { cliAsUser, nodeAsUser, nodeAsUserInBackground, shAsUser, userFolder } from '../support/cli-as-user';
import { LC } from '../support/lane';

const mode = (f: string) => fs.statSync(f).mode & 0o777;
const day = (n: number) => addDays(localIsoDate(new Date()), n);
const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/** Folders made read-only by a test, made writable again after it (a non-root run removes them then). */
const lockedFolders: string[] = [];
afterEach(() => {
  for (const dir of lockedFolders.splice(0)) fs.chmodSync(dir, 0o755);
});

/** `data/n.db` in a folder of the ordinary user's, with LC on 23LJ01's affected-VIN list (phase 1). */
function listedDatabase(): { home: string; dir: string; db: string } {
  const home = userFolder();
  shAsUser(home, 'mkdir data');
  const dir = path.join(home, 'data');
  const db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(home, 'tis.csv'), `VIN,Phase,Part Number,Status\n${LC},1,04002-78010,Open\n`);
  const r = cliAsUser(home, ['import-vins', '23LJ01', path.join(home, 'tis.csv'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return { home, dir, db };
}

const lookup = (home: string, db: string) => cliAsUser(home, ['lookup', LC, '--json', '--db', db]);
const book = (home: string, db: string) => cliAsUser(home, ['book', LC, '--campaign', '23LJ01', '--at', `${day(3)}T09:00`, '--db', db]);
const confirmed = (r: { stdout: string }) => JSON.parse(r.stdout).campaigns.find((c: { code: string }) => c.code === '23LJ01')?.certainty;

/** Files beside the database (its -wal, -shm) that this user cannot write: they would refuse every later write. */
const unwritableBeside = (db: string) =>
  [`${db}-wal`, `${db}-shm`].filter((f) => fs.existsSync(f) && (mode(f) & 0o200) === 0).map((f) => `${path.basename(f)} ${mode(f).toString(8)}`);

/** Every name in the folder with its size and mode: what a read changed there, if anything. */
const listing = (dir: string) =>
  fs
    .readdirSync(dir)
    .sort()
    .map((f) => `${f} ${fs.statSync(path.join(dir, f)).size} ${mode(path.join(dir, f)).toString(8)}`);

test('after a read-only run, making the file writable again restores writing', () => {
  const { home, db } = listedDatabase();
  shAsUser(home, 'chmod 0444 data/n.db');
  const r = lookup(home, db);
  expect(r.code, r.stderr).toBe(0);
  expect(confirmed(r)).toBe('confirmed');
  expect(mode(db)).toBe(0o444);
  // While it is read-only, writes are refused in words that say what to do.
  const refused = book(home, db);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/the database is read-only/i);
  expect(refused.stderr).toMatch(/make the file .*writable/i);
  expect(mode(db)).toBe(0o444);
  // The user does what the message says: the next write works, and the one after.
  shAsUser(home, 'chmod 0644 data/n.db');
  const booked = book(home, db);
  expect(booked.code, booked.stderr).toBe(0);
  expect(cliAsUser(home, ['settings', 'staff', 'add', 'Ann', '--db', db]).code).toBe(0);
  expect(cliAsUser(home, ['appointments', '--db', db, '--json']).stdout).toContain(LC);
  expect(mode(db)).toBe(0o644);
  expect(unwritableBeside(db)).toEqual([]);
});

test('a reader left open on the read-only file (a window) keeps nothing read-only: once writable, a write works and the reader sees it', async () => {
  const { home, db } = listedDatabase();
  shAsUser(home, 'chmod 0444 data/n.db');
  // Read-only as Recall Desk reads it in place: SQLite makes the -wal and -shm with the file's mode.
  const reader = nodeAsUserInBackground(
    home,
    `const fs = require('fs'); const B = require(${JSON.stringify(BETTER_SQLITE3)});
     const s = new B(${JSON.stringify(db)}, { readonly: true });
     const count = () => s.prepare('SELECT count(*) AS n FROM appointments').get().n;
     console.log('before ' + count());
     const wait = () => (fs.existsSync('go') ? (console.log('after ' + count()), s.close()) : setTimeout(wait, 20));
     wait();`,
  );
  await reader.printed('before 0');
  expect(unwritableBeside(db)).toEqual(['n.db-wal 444', 'n.db-shm 444']);
  shAsUser(home, 'chmod 0644 data/n.db');
  const booked = book(home, db);
  expect(booked.code, booked.stderr).toBe(0);
  fs.writeFileSync(path.join(home, 'go'), '');
  const seen = await reader.done;
  expect(seen.stderr).toBe('');
  expect(seen.stdout).toContain('after 1');
  expect(unwritableBeside(db)).toEqual([]);
});

test.each(['0444', '0600'])(
  'a database (%s) in a read-only folder: every read answers, writes are refused saying what to do, nothing is written',
  (fileMode) => {
    const { home, dir, db } = listedDatabase();
    shAsUser(home, `chmod ${fileMode} data/n.db && chmod 0555 data`);
    lockedFolders.push(dir);
    const before = listing(dir);
    const bytes = fs.readFileSync(db);
    const r = lookup(home, db);
    expect(r.stderr).not.toMatch(/cannot open/i);
    expect(r.code, r.stderr).toBe(0);
    expect(confirmed(r)).toBe('confirmed');
    // Nothing on stderr but, where the CLI says it, that the file was read as it stood.
    const said = (stderr: string) => stderr.replace(`${readAsOpenedNote(db)}\n`, '');
    expect(said(r.stderr)).toBe('');
    expect(r.stderr).toContain(readAsOpenedNote(db));
    for (const read of [['followup'], ['holds'], ['suggest'], ['campaigns'], ['appointments']]) {
      const out = cliAsUser(home, [...read, '--db', db]);
      expect({ read, code: out.code, stderr: said(out.stderr) }).toEqual({ read, code: 0, stderr: '' });
    }
    const refused = book(home, db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the database is read-only/i);
    expect(refused.stderr).toMatch(/folder/);
    expect(refused.stderr).not.toMatch(/cannot open|SqliteError|readonly database/i);
    expect(listing(dir)).toEqual(before);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  },
);

test('in a read-only folder, changes still in the -wal are never read past: refused in plain words; where the folder is writable they are read', () => {
  const { home, dir, db } = listedDatabase();
  // A change waiting in the write-ahead log (no checkpoint yet), copied with its database but no -shm,
  // as a crash or a copy leaves it: LC leaves the list.
  const copy = path.join(home, 'copy');
  shAsUser(home, 'mkdir copy');
  const made = nodeAsUser(
    home,
    `const fs = require('fs'); const B = require(${JSON.stringify(BETTER_SQLITE3)}); const s = new B(${JSON.stringify(db)});
     s.pragma('wal_autocheckpoint = 0'); s.exec('DELETE FROM affected_vins');
     for (const f of ['n.db', 'n.db-wal']) fs.copyFileSync(${JSON.stringify(dir)} + '/' + f, ${JSON.stringify(copy)} + '/' + f);
     s.close();`,
  );
  expect(made.stderr).toBe('');
  expect(fs.statSync(path.join(copy, 'n.db-wal')).size).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(copy, 'n.db-shm'))).toBe(false);
  const copied = path.join(copy, 'n.db');
  shAsUser(home, 'chmod 0444 copy/n.db && chmod 0555 copy');
  lockedFolders.push(copy);
  const r = lookup(home, copied);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/changes not yet written into the file itself/);
  expect(r.stderr).toMatch(/make the folder .*writable/i);
  expect(r.stderr).not.toMatch(/Lookups still answer/);
  // The folder writable again, the file still read-only: the change is read (LC is no longer listed).
  shAsUser(home, 'chmod 0755 copy');
  const read = lookup(home, copied);
  expect(read.code, read.stderr).toBe(0);
  expect(confirmed(read)).not.toBe('confirmed');
  expect(mode(copied)).toBe(0o444);
});
