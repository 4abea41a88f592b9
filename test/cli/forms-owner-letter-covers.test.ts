// `form owner-letter` as a user runs it: the letter says "...which includes your vehicle", so a VIN the
// campaign does not cover (a Honda Accord; an LS 600h L that only ALE covers) is refused with exit 2, as
// `form disclosure` refuses it: no file written, nothing in the forms log.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDbPath } from '../support/tempdb';

const DEALER = ['settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '(217) 555-0100'];

describe('form owner-letter refuses a VIN its campaign does not cover', () => {
  test('a Honda and an ALE-only LS 600h L: exit 2 with the reason; the forms log stays empty', () => {
    const db = tempDbPath();
    expect(cli([...DEALER, '--db', db]).code).toBe(0);
    const dir = path.dirname(db);
    for (const [vin, others] of [
      ['1HGCM82633A004352', 'no campaign in the library covers it'],
      ['JTHDU46F685000400', 'campaigns that may apply: ALE'],
    ] as const) {
      const out = path.join(dir, `${vin}.pdf`);
      const r = cli(['form', 'owner-letter', '23LJ01', vin, '--out', out, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `No 23LJ01 owner letter for ${vin}: 23LJ01 does not cover this VIN by the library's rules (${others}). Check the VIN and the campaign.\n`,
      );
      expect(fs.existsSync(out)).toBe(false);
    }
    const log = cli(['forms', '--json', '--db', db]);
    expect(log.code).toBe(0);
    expect(JSON.parse(log.stdout)).toEqual([]);
  }, 60_000);
});
