// The CLI says the same as the screen: what "nothing applies" was checked against, old data, the
// decode, a stock hold; and `import-bulletin` refuses a misspelled field and a revision from the future.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { cli } from '../support/cli';
import { tempDbPath, tempDir } from '../support/tempdb';

describe('recall-desk lookup, in words', () => {
  test('nothing applies: what was checked, and that TIS / NHTSA hold the full record', () => {
    const r = cli(['lookup', '1HGCM82633A004352', '--db', tempDbPath()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2003 Honda Accord');
    expect(r.stdout).toContain('No campaign in this library applies to this VIN.');
    expect(r.stdout).toContain('Checked against 3 campaigns (newest bulletin revision 2024-01-31).');
    expect(r.stdout).toContain('TIS (or NHTSA, nhtsa.gov/recalls) holds the full record');
  });
  test('old data and the decode', () => {
    const r = cli(['lookup', '2T2HA31U660012345', '--db', tempDbPath()]);
    expect(r.stdout).toContain('model RX 330 (decoded)');
    expect(r.stdout).toContain('2006 Lexus RX 330 · built in Canada');
    expect(r.stdout).toContain('OLD DATA: The newest revision loaded for this campaign is dated 2011-12-19');
    expect(r.stdout).not.toContain('Needs:');
  });
  test('a stock vehicle: its hold first', () => {
    const db = tempDbPath();
    const csv = path.join(tempDir(), 'stock.csv');
    fs.writeFileSync(csv, 'Stock #,VIN,Condition\nS100,JTHBE96S170007930,used\n');
    expect(cli(['import-vehicles', csv, '--stock', 'add', '--db', db]).code).toBe(0);
    const r = cli(['lookup', 'JTHBE96S170007930', '--db', db]);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('ALE  Valve Spring'));
    expect(lines[head + 1]).toMatch(/^ {2}IN STOCK \(USED\): DO NOT DELIVER UNTIL REMEDIED: Lexus requests/);
  });
});

describe('recall-desk import-bulletin refuses what would be silently wrong', () => {
  const write = (doc: unknown) => {
    const f = path.join(tempDir(), 'b.json');
    fs.writeFileSync(f, JSON.stringify(doc));
    return f;
  };
  test('a misspelled "delivry"', () => {
    const d = structuredClone(BUILT_IN_DOCUMENTS[1]) as Record<string, unknown>;
    d.revisionDate = '2010-08-01';
    d.delivry = d.delivery;
    delete d.delivery;
    const r = cli(['import-bulletin', write(d), '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field "delivry"');
  });
  test('a model year 2040-2100 is a schema error, not a crash', () => {
    const d = structuredClone(BUILT_IN_DOCUMENTS[1]) as Record<string, any>;
    d.revisionDate = '2010-08-01';
    d.vinRanges[0].modelYear = 2077;
    const r = cli(['import-bulletin', write(d), '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('vinRanges[0].modelYear: must be 2039 or earlier');
    expect(r.stderr).not.toMatch(/NOT NULL|at .*\.cjs/);
  });
  test('a revision dated 9999-12-31: refused as no plausible date', () => {
    const d = structuredClone(BUILT_IN_DOCUMENTS[1]) as Record<string, unknown>;
    d.revisionDate = '9999-12-31';
    const r = cli(['import-bulletin', write(d), '--db', tempDbPath()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('revisionDate: is not a plausible date (years 1950 to 2099)');
  });
});
