// --out as a user meets it: a file already there is replaced and said so, a symbolic link is replaced
// (never written through), and a full disk or any error leaves no empty or partial file behind (the old
// file, if any, stays whole). Real files, the real CLI, Chromium printing, a real full disk (tmpfs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { cliOnSmallDisk } from '../support/full-disk';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-out-'));
  db = path.join(dir, 'db.sqlite');
  const r = cli(['settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '1 Main St', '--code', '64123', '--phone', '555-0100', '--db', db]);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const isPdf = (file: string) => fs.readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';
/** Temporary files left beside the targets (there must be none). */
const leftovers = (d: string) => fs.readdirSync(d).filter((f) => f.startsWith('.'));

test('a new file is "Saved"; a file already there is replaced whole and "Replaced" is said', () => {
  const out = path.join(dir, 'faq.pdf');
  const first = cli(['form', 'faq', '23LJ01', '--out', out, '--db', db]);
  expect(first.stderr).toBe('');
  expect(first.stdout).toMatch(new RegExp(`^Saved .* to ${out} \\(\\d pages\\)\\.`));
  fs.writeFileSync(out, 'an older file, much longer than nothing '.repeat(10_000));
  const again = cli(['form', 'faq', '23LJ01', '--out', out, '--db', db]);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(new RegExp(`^Replaced ${out} with .* \\(\\d pages\\)\\.`));
  expect(isPdf(out)).toBe(true);
  expect(fs.readFileSync(out).toString('latin1')).not.toContain('an older file');
}, 60_000);

// Windows files have no such modes (only read-only).
test.skipIf(process.platform === 'win32')(
  'a file replaced keeps the mode its owner gave it; a new file is private to the user',
  () => {
    const fresh = path.join(dir, 'claims-new.pdf');
    expect(cli(['form', 'claims', '--out', fresh, '--db', db]).code).toBe(0);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    for (const given of [0o644, 0o640]) {
      const out = path.join(dir, `claims-${given.toString(8)}.pdf`);
      fs.writeFileSync(out, 'x\n');
      fs.chmodSync(out, given);
      const r = cli(['form', 'claims', '--out', out, '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Replaced ${out} with `));
      expect(isPdf(out)).toBe(true);
      expect(fs.statSync(out).mode & 0o777).toBe(given);
    }
  },
  60_000,
);

test('a symbolic link at --out is replaced by the file, never written through', () => {
  const victim = path.join(dir, 'victim.txt');
  fs.writeFileSync(victim, 'keep me');
  const link = path.join(dir, 'link.pdf');
  fs.symlinkSync(victim, link);
  const r = cli(['form', 'faq', '23LJ01', '--out', link, '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^Replaced ${link} with `));
  expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
  expect(isPdf(link)).toBe(true);
  expect(leftovers(dir)).toEqual([]);
}, 60_000);

test('the database in use is refused as --out (a database named .pdf, or a link to it); it stays whole', () => {
  const pdfDb = path.join(dir, 'data.pdf');
  const made = cli(['settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '1 Main St', '--code', '64123', '--phone', '555-0100', '--db', pdfDb]);
  expect(made.code, made.stderr).toBe(0);
  const link = path.join(dir, 'to-data.pdf');
  fs.symlinkSync(pdfDb, link);
  for (const out of [pdfDb, link]) {
    const r = cli(['form', 'faq', '23LJ01', '--out', out, '--db', pdfDb]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`--out ${out} is the database this command works on (${pdfDb}): writing there would destroy it. Name another file.\n`);
    expect(fs.readFileSync(pdfDb).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  }
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
}, 60_000);

test('a full disk: exit 2 saying so, no 0-byte or partial PDF, no temporary file, an older file left whole', () => {
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-full-'));
  try {
    // 48 kB of disk; the old file and a filler leave about 8 kB: too little for a 2-page FAQ.
    const prepare = 'printf old-pdf > "$DIR/old.pdf"; head -c 40000 /dev/zero > "$DIR/filler"; ';
    for (const name of ['new.pdf', 'old.pdf']) {
      const out = path.join(disk, name);
      // What is on the small disk once the command has exited (listed inside its namespace).
      const r = cliOnSmallDisk(disk, 48, prepare, ['form', 'faq', '23LJ01', '--out', out, '--db', db], 'ls -A "$DIR"; cat "$DIR/old.pdf"');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`Cannot write ${out}: the disk is full. Free some space or save it somewhere else; nothing was written.\n`);
      expect(r.stdout).toBe('');
      expect(r.after).toBe('filler\nold.pdf\nold-pdf');
    }
  } finally {
    fs.rmSync(disk, { recursive: true, force: true });
  }
}, 90_000);
