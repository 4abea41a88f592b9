// The issue-3 commands through the built CLI, and an import killed mid-way by the operating system.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { makeVin } from '../support/synthetic';
import { CLI, cli } from '../support/cli';
import { existingDbPath, tempDbPath, tempDir } from '../support/tempdb';

const ALE = (n: number) => makeVin('JTH', 'BE96S', 2007, String(n).padStart(7, '0'));
const LC = 'JTHKPAAY4PA001234';

function write(name: string, content: string): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

describe('import-vins', () => {
  test('prints the preview with bad lines, imports the valid ones, and lookup says confirmed', () => {
    const db = tempDbPath();
    const file = write('tis.csv', `VIN,Phase\r\n${ALE(7930)},\r\nJTHBE96S17OOO7930,\r\n${ALE(7930)},\r\n${ALE(7931)},\r\n`);
    const r = cli(['import-vins', 'ALE', file, '--date', '2010-07-07', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ALE Valve Spring: affected-VIN list of 2010-07-07 (partial).');
    expect(r.stderr).toContain('4 rows read: 2 valid, 1 duplicates, 1 invalid.');
    expect(r.stderr).toContain('line 3: Position 11: "O" never appears in a VIN; did you mean "0"? (JTHBE96S17OOO7930)');
    expect(r.stdout.trim()).toBe('ALE: affected-VIN list of 2010-07-07 imported, 2 VINs (partial list).');
    const hit = JSON.parse(cli(['lookup', ALE(7930), '--json', '--db', db]).stdout).campaigns[0];
    expect(hit).toMatchObject({ code: 'ALE', certainty: 'confirmed' });
  });

  test('a repeat with another part number or phase is named in the printed preview and in --json; the first line is imported', () => {
    const db = tempDbPath();
    const LC2 = makeVin('JTH', 'KPAAY', 2023, 'A001235');
    const file = write(
      '23LJ01-tis.csv',
      [
        'VIN,Phase,Part Number,Status,Customer',
        `${LC},1,04002-12345,Open,Ann Guest 555-0101`,
        `${LC2},1,04002-11111,Open,Bob Guest`,
        `${LC},1,04002-22222,Open,Cy Guest`,
        `${LC2},2,04002-11111,Open,Di Guest`,
        `${LC2},1,04002-11111,Closed,Ed Guest`,
      ].join('\r\n'),
    );
    const r = cli(['import-vins', '23LJ01', file, '--date', '2026-11-20', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const err = r.stderr.split('\n');
    expect(err).toContain('5 rows read: 2 valid, 3 duplicates, 0 invalid.');
    expect(err).toContain('2 of the 3 duplicates disagree with the line kept (the first line of each VIN is kept; check these VINs with TIS):');
    expect(err).toContain(`  line 4 repeats ${LC} (line 2): part number 04002-22222; kept line 2: part number 04002-12345`);
    expect(err).toContain(`  line 5 repeats ${LC2} (line 3): phase 2; kept line 3: phase 1`);
    expect(r.stderr).not.toMatch(/Guest|555-/);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ duplicates: 3, conflictingDuplicates: 2 });
    expect(out.duplicateConflicts[0]).toEqual({ line: 4, vin: LC, keptLine: 2, phase: null, partNumber: { value: '04002-22222', kept: '04002-12345' } });
    const hit = JSON.parse(cli(['lookup', LC, '--model', 'LC', '--produced', '12/22', '--json', '--db', db]).stdout).campaigns;
    expect(hit.find((c: { code: string }) => c.code === '23LJ01').affectedList.partNumber).toBe('04002-12345');
  });

  test('--dry-run writes nothing; a non-list file exits 2 with the reason', () => {
    const db = tempDbPath();
    const ok = cli(['import-vins', 'ALE', write('a.txt', `${ALE(7930)}\n`), '--dry-run', '--db', db]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(cli(['lookup', ALE(7930), '--json', '--db', db]).stdout).campaigns[0].certainty).toBe('verify');
    const bad = cli(['import-vins', 'ALE', write('guests.csv', 'Name,Phone\nAnn,555\n'), '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/guests.csv is not a VIN list/);
    expect(cli(['import-vins', 'ALE', '--db', db]).code).toBe(2);
  });

  test('an import killed mid-way leaves the database exactly as it was', async () => {
    const db = tempDbPath();
    expect(cli(['import-vins', 'ALE', write('first.txt', `${ALE(7930)}\n`), '--date', '2010-07-07', '--db', db]).code).toBe(0);
    const big = write('big.txt', Array.from({ length: 400_000 }, (_, i) => ALE(1_000_000 + i)).join('\n'));
    const child = spawn(process.execPath, [CLI, 'import-vins', 'ALE', big, '--date', '2010-09-01', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        err += d;
        const m = /importing ALE affected-VIN list of 2010-09-01: ([\d,]+) \/ 400,000/g;
        let last = 0;
        for (const x of err.matchAll(m)) last = Number(x[1]!.replace(/,/g, ''));
        if (last > 0 && last < 400_000) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
      child.once('exit', () => reject(new Error(`finished before it could be killed:\n${err}`)));
      setTimeout(() => reject(new Error(`no progress seen:\n${err}`)), 60_000);
    });
    await new Promise((r) => child.once('exit', r));
    expect(killedAt).toBeGreaterThan(0);
    const check = new BetterSqlite3(db);
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare('SELECT list_date, row_count FROM affected_vin_lists').all()).toEqual([{ list_date: '2010-07-07', row_count: 1 }]);
      expect(check.prepare('SELECT count(*) FROM affected_vins').pluck().get()).toBe(1);
    } finally {
      check.close();
    }
    // And the database is usable afterwards.
    expect(JSON.parse(cli(['lookup', ALE(7930), '--json', '--db', db]).stdout).campaigns[0].certainty).toBe('confirmed');
  }, 120_000);
});

describe('import-vehicles, holds, followup, check', () => {
  test('a stock export with a custom mapping feeds the hold report (text, JSON and CSV)', () => {
    const db = tempDbPath();
    const file = write('stock.csv', `Stk,Serial,Mdl,Built,Type\nS1,${ALE(7930)},GS 350,,U\nS2,${LC},LC,12/22,N\n`);
    const r = cli([
      'import-vehicles',
      file,
      '--map',
      'vin=Serial,model=Mdl,productionMonth=Built,stockNumber=Stk,condition=Type',
      '--stock',
      'replace',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('2 vehicles imported from stock.csv.');
    const holds = JSON.parse(cli(['holds', '--json', '--db', db]).stdout);
    expect(holds.holds.map((h: any) => `${h.stockNumber} ${h.code} ${h.hold}`)).toEqual([
      'S1 ALE do-not-deliver-until-remedied',
      'S2 23LJ01 deliver-with-disclosure-if-unavailable',
    ]);
    const text = cli(['holds', '--db', db]).stdout;
    expect(text).toMatch(/^2 of 2 vehicles in stock have holds\./);
    expect(text).toMatch(/ALE: Do not deliver until remedied/);
    const csv = cli(['holds', '--csv', '--db', db]).stdout.split('\r\n');
    // The words the screen uses, not the internal codes (issue 16).
    expect(csv[0]).toBe('Stock number,VIN,Model,Model year,Condition,Campaign,Title,Hold,Certainty,Remedy,Needs,Reason,Source,Part (CPOR)');
    expect(csv[1]).toMatch(/^S1,JTHBE96S.+,GS 350,2007,Used,ALE,Valve Spring,Do not deliver until remedied,Verify in TIS,Not yet,,/);
  });

  test('a bad --map or --stock exits 2 with how to write it', () => {
    const file = write('s.csv', `VIN\n${LC}\n`);
    expect(cli(['import-vehicles', file, '--map', 'colour=Paint', '--db', tempDbPath()]).stderr).toMatch(/--map takes FIELD=HEADER pairs/);
    expect(cli(['import-vehicles', file, '--stock', 'all', '--db', tempDbPath()]).code).toBe(2);
    expect(cli(['import-vehicles', file, '--map', 'vin=Nope', '--db', tempDbPath()]).stderr).toMatch(/names a column "Nope" for vin/);
  });

  test('followup lists serviced vehicles with open campaigns, as CSV for mailings', () => {
    const db = tempDbPath();
    const file = write('svc.csv', `VIN,Customer,Phone,Last Service\n${ALE(7930)},"Example, Ann",555-0100,04/01/2024\n`);
    expect(cli(['import-vehicles', file, '--db', db]).code).toBe(0);
    const csv = cli(['followup', '--csv', '--db', db]).stdout.split('\r\n');
    expect(csv[1]).toMatch(/^ALE,Valve Spring,JTHBE96S.+,GS 350,2007,2024-04-01,"Example, Ann",555-0100,,,Verify in TIS,Not yet,$/);
    expect(cli(['followup', '--db', db]).stdout).toMatch(/ALE: 1 not yet remedied/);
  });

  test('check: one lookup per VIN as a JSON array; bad lines on stderr, not fatal', () => {
    const file = write('vins.txt', `${ALE(7930)}\nnot a vin\n${LC}\n\n1HGCM82633A004352\n`);
    const r = cli(['check', file, '--json', '--db', existingDbPath()]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: any) => [x.vin, x.campaigns.map((c: any) => c.code)])).toEqual([
      [ALE(7930), ['ALE']],
      [LC, ['23LJ01']],
      ['1HGCM82633A004352', []],
    ]);
    expect(out[0]).toMatchObject({ modelYear: 2007, checkDigitValid: true, warnings: [] });
    expect(r.stderr.trim()).toMatch(/^line 2: /);
  });
});
