// Every --out that is not a form (export-bulletin, backup) as a user meets it: the file is written whole
// beside the target and renamed, so a symbolic link at --out is replaced (never written through), a file
// already there is replaced and said so, and keeps the mode the user gave it. The database the command
// has open is never written over, named as it is or through a link. The real CLI on real files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../support/cli';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-outs-'));
  db = path.join(dir, 'db.sqlite');
  const r = cli(['settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '1 Main St', '--code', '64123', '--phone', '555-0100', '--db', db]);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SQLITE = 'SQLite format 3\0';
const header = (file: string) => fs.readFileSync(file).subarray(0, 16).toString('latin1');
const mode = (file: string) => fs.statSync(file).mode & 0o777;
/** Temporary files left in the folder (there must be none). */
const leftovers = (d: string) => fs.readdirSync(d).filter((f) => f.startsWith('.') || f.endsWith('.partial'));

// Each command with what it writes: a check that the file at `out` is its output.
const commands = [
  {
    name: 'export-bulletin',
    args: (out: string) => ['export-bulletin', 'ALE', '--out', out, '--db', db],
    is: (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')).code === 'ALE',
  },
  { name: 'backup', args: (out: string) => ['backup', '--out', out, '--db', db], is: (f: string) => header(f) === SQLITE },
];

for (const c of commands) {
  test(`${c.name}: a new file is private; a file already there is replaced, said so, and keeps its mode`, () => {
    const out = path.join(dir, `${c.name}-new.out`);
    const first = cli(c.args(out));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('Replaced');
    expect(c.is(out)).toBe(true);
    if (process.platform !== 'win32') expect(mode(out)).toBe(0o600);

    const old = path.join(dir, `${c.name}-old.out`);
    fs.writeFileSync(old, 'an older file');
    fs.chmodSync(old, 0o644);
    const again = cli(c.args(old));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Replaced ${old} with `);
    expect(c.is(old)).toBe(true);
    if (process.platform !== 'win32') expect(mode(old)).toBe(0o644);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  test(`${c.name}: a symbolic link at --out is replaced by the file, never written through`, () => {
    const victim = path.join(dir, `${c.name}-victim.txt`);
    fs.writeFileSync(victim, 'keep me');
    const link = path.join(dir, `${c.name}-link.out`);
    fs.symlinkSync(victim, link);
    const r = cli(c.args(link));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Replaced ${link} with `);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(c.is(link)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  test(`${c.name}: the database in use is refused as --out, named or through a link; it stays whole`, () => {
    const link = path.join(dir, `${c.name}-to-db.out`);
    fs.symlinkSync(db, link);
    for (const out of [db, link]) {
      const before = fs.readFileSync(db);
      const r = cli(c.args(out));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`--out ${out} is the database this command works on (${db}): writing there would destroy it. Name another file.\n`);
      expect(header(db)).toBe(SQLITE);
      expect(fs.readFileSync(db).equals(before)).toBe(true);
    }
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(cli(['campaigns', '--json', '--db', db]).code).toBe(0);
  }, 60_000);
}
