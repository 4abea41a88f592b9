// Files that used to import silently wrong, run out of memory or echo guests' data: through the built
// CLI, on real database files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, cli } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { existingDbPath, tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

/** A file of `mb` megabytes of one repeated text, written in pieces (the test itself stays small). */
function junk(name: string, mb: number, piece: string): string {
  const f = path.join(tempDir(), name);
  const block = piece.repeat(Math.ceil((1 << 20) / piece.length)).slice(0, 1 << 20);
  const fd = fs.openSync(f, 'w');
  for (let i = 0; i < mb; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  return f;
}

/** The built CLI under a 512 MB heap, with its peak resident memory (GNU time). */
function cliLimited(args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', process.execPath, '--max-old-space-size=512', CLI, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const peak = Number(/PEAK_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { code: r.status, stderr: r.stderr.replace(/PEAK_KB=\d+\s*$/, ''), stdout: r.stdout, peakMb: peak / 1024 };
}

const lookup = (db: string, vin: string) => JSON.parse(cli(['lookup', vin, '--json', '--db', db]).stdout).campaigns[0];

describe('import-vins never swallows rows', () => {
  test('a stray quote before line 205 of 1,000 lines: 999 VINs imported, line 205 reported, nothing lost', () => {
    const db = tempDbPath();
    const lines = Array.from({ length: 1000 }, (_, i) => ALE(10_000 + i));
    lines[204] = `"${lines[204]}`;
    const r = cli(['import-vins', 'ALE', write('tis.txt', lines.join('\r\n')), '--complete', '--date', '2010-07-07', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1,000 rows read: 999 valid, 0 duplicates, 1 invalid.');
    expect(r.stderr).toMatch(/line 205: A quote \(".*not closed/);
    expect(r.stdout.trim()).toBe('ALE: affected-VIN list of 2010-07-07 imported, 999 VINs.');
    expect(lookup(db, ALE(10_000 + 600))).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
    expect(lookup(db, ALE(10_000 + 999))).toMatchObject({ certainty: 'confirmed' });
  });

  test('lone-CR line ends ("CSV (Macintosh)") are lines', () => {
    const db = tempDbPath();
    const r = cli(['import-vins', 'ALE', write('mac.csv', `VIN,Phase\r${ALE(7930)},1\r${ALE(7931)},1\r${ALE(7932)},1\r`), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 rows read: 3 valid, 0 duplicates, 0 invalid.');
    expect(lookup(db, ALE(7932))).toMatchObject({ certainty: 'confirmed' });
  });

  test('a list is partial unless --complete says otherwise; --partial is still accepted', () => {
    const file = write('tis.txt', `${ALE(7930)}\n`);
    const db = tempDbPath();
    expect(cli(['import-vins', 'ALE', file, '--db', db]).stderr).toMatch(/affected-VIN list of \S+ \(partial\)/);
    // Partial: a VIN in the range but not on the list is not "not on the list".
    expect(lookup(db, ALE(7931)).certainty).toBe('verify');
    expect(cli(['import-vins', 'ALE', file, '--partial', '--db', db]).stderr).toMatch(/\(partial\)/);
    expect(cli(['import-vins', 'ALE', file, '--complete', '--db', db]).stderr).toMatch(/\(complete\)/);
    const both = cli(['import-vins', 'ALE', file, '--complete', '--partial', '--db', db]);
    expect(both.code).toBe(2);
  });
});

describe('memory stays bounded whatever the file', () => {
  test('a 200 MB line of # under a 512 MB heap: exit 2 with the reason, a short message, bounded memory', () => {
    const file = junk('hash.txt', 200, '#');
    try {
      const r = cliLimited(['import-vins', 'ALE', file, '--db', tempDbPath()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/hash.txt is not a VIN list/);
      expect(r.stderr).toMatch(/Line 1: The line has 209,715,200 characters/);
      expect(r.stderr.length).toBeLessThan(2000);
      expect(r.peakMb).toBeLessThan(300);
    } finally {
      fs.rmSync(file);
    }
  }, 120_000);

  test('60 MB of mostly one-character lines: millions of invalid lines counted, a few shown, memory bounded', () => {
    const file = junk('lines.txt', 60, `${ALE(7930)}\n${ALE(7931)}\n#\n`);
    try {
      const r = cliLimited(['import-vins', 'ALE', file, '--dry-run', '--db', existingDbPath()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/lines.txt is not a VIN list: [\d,]{9,} of [\d,]{9,} lines are not VINs\./);
      expect(r.stderr.split('\n').length).toBeLessThan(10);
      expect(r.peakMb).toBeLessThan(400);
    } finally {
      fs.rmSync(file);
    }
  }, 120_000);

  test('a 200 MB header line of a vehicle file: exit 2, the header never echoed', () => {
    const file = junk('dms.csv', 200, 'Customer Name,');
    try {
      const r = cliLimited(['import-vehicles', file, '--db', tempDbPath()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/line 1 is not a row of column headers/);
      expect(r.stderr.length).toBeLessThan(1000);
      expect(r.peakMb).toBeLessThan(300);
    } finally {
      fs.rmSync(file);
    }
  }, 120_000);
});

describe("guests' data never reaches stderr", () => {
  test('a line without a VIN is reported by its number and reason, not its guest fields', () => {
    const db = tempDbPath();
    const file = write(
      'svc.csv',
      `VIN,Customer,Phone,Last Service\n${ALE(7930)},Ann Example,555-0100,04/01/2024\n,Wilhelmina Pii-Nomail,555-0199,04/02/2024\n`,
    );
    const r = cli(['import-vehicles', file, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 3: No VIN on this line\./);
    expect(r.stderr).not.toMatch(/Wilhelmina|555-0199|Ann Example|555-0100/);
  });
});
