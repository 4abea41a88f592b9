// `parts set`'s negative flags record what they say: --not-released marks a part not released (the
// suggestions then order none of it), --not-per-vin one number for every vehicle. Both sides at once
// is refused. They once did nothing: commander names them notReleased/notPerVin, which no one read.
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
type Part = { campaign: string; partNumber: string; released: boolean | null; perVin: boolean | null; sources: Record<string, string> };
const partOf = (db: string, campaign: string) =>
  (JSON.parse(run(db, 'parts', '--json').stdout).parts as Part[]).find((p) => p.campaign === campaign && p.partNumber === '04002-****')!;

test('parts set --not-released and --not-per-vin are recorded, alone or with other values', () => {
  const db = tempDbPath();
  expect(partOf(db, '23LJ01')).toMatchObject({ released: true, perVin: true });

  const alone = run(db, 'parts', 'set', '23LJ01', '04002-****', '--not-released', '--by', 'Pat');
  expect(alone.stderr).toBe('');
  expect(alone.code).toBe(0);
  expect(partOf(db, '23LJ01')).toMatchObject({ released: false, sources: { released: 'amendment' } });

  const withMac = run(db, 'parts', 'set', '23LJ01', '04002-****', '--released', '--mac', 'C', '--by', 'Pat');
  expect(withMac.code).toBe(0);
  expect(partOf(db, '23LJ01')).toMatchObject({ released: true, macCode: 'C' });
  expect(run(db, 'parts', 'set', '23LJ01', '04002-****', '--not-released', '--mac', 'C', '--by', 'Pat').code).toBe(0);
  expect(partOf(db, '23LJ01')).toMatchObject({ released: false });

  expect(run(db, 'parts', 'set', '23LJ01', '04002-****', '--not-per-vin', '--by', 'Pat').code).toBe(0);
  expect(partOf(db, '23LJ01')).toMatchObject({ perVin: false });

  // Both sides at once: refused, nothing recorded.
  for (const both of [
    ['--released', '--not-released'],
    ['--per-vin', '--not-per-vin'],
  ]) {
    const r = run(db, 'parts', 'set', '23LJ01', '04002-****', ...both, '--by', 'Pat');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${both[0]} and ${both[1]} say opposite things: give one\\.`));
  }
  expect(partOf(db, '23LJ01')).toMatchObject({ released: false, perVin: false });
});
