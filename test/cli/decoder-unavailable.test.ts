// When NHTSA's decoder cannot be opened (its copy cannot be unpacked beside the database: a full disk,
// a folder that cannot be written), the lookup still answers from the bulletins, and says the VIN was
// not decoded and why: the decode's facts (model, plant country) are missing, never silently.
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { tempDbPath } from '../support/tempdb';

test('a lookup with no decoder says the VIN was not decoded, and why, in plain words', () => {
  const db = tempDbPath();
  // A path under a file: nothing can be made there, as on a full disk.
  const r = cli(['lookup', 'JTHKPAAY4PA001234', '--db', db], { RECALL_DESK_VPIC: '/dev/null/vpic.sqlite' });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('23LJ01');
  const warning = r.stdout.split('\n').find((l) => l.startsWith('WARNING: The VIN was not decoded'));
  expect(warning).toMatch(
    /^WARNING: The VIN was not decoded: NHTSA's decoder \(vPIC\) could not be opened \(.+\)\. The answer rests on the VIN's own characters and the bulletins\.$/,
  );
  expect(warning).not.toMatch(/at .*\.(ts|cjs):\d+/);
  const json = JSON.parse(cli(['lookup', 'JTHKPAAY4PA001234', '--db', db, '--json'], { RECALL_DESK_VPIC: '/dev/null/vpic.sqlite' }).stdout);
  expect(json.decoded).toBeNull();
  expect(json.warnings).toContain(warning!.slice('WARNING: '.length));
});

test('a decoder path that is a folder or not a database is named as such, not as a disk error', () => {
  const db = tempDbPath();
  for (const [where, said] of [
    ['/proc', "/proc is not NHTSA's decoder database (a folder)"],
    ['/proc/self/status', "/proc/self/status is not NHTSA's decoder database"],
  ] as const) {
    const r = cli(['lookup', 'JTHKPAAY4PA001234', '--db', db], { RECALL_DESK_VPIC: where });
    expect(r.code).toBe(0);
    const warning = r.stdout.split('\n').find((l) => l.startsWith('WARNING: The VIN was not decoded'))!;
    expect(warning).toContain(said);
    expect(warning).toContain('check RECALL_DESK_VPIC');
    expect(warning).not.toContain('disk I/O error');
  }
});
