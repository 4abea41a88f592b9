// `recall-desk followup`: the header and the per-campaign counts describe the rows shown under the
// filters given (text and `perCampaign` in --json), and an unknown campaign code is refused as
// `form followup` refuses it. The built CLI on a real database file.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { LC, LC2 } from '../support/lane';
import { GS, RX, seedFollowUpLane } from '../support/followup-lane';
import { tempDbPath, tempDir } from '../support/tempdb';

type Row = { code: string; vin: string; appointment: { id: number; at: string } | null };
type List = { vehiclesServiced: number; rows: Row[]; perCampaign: { code: string; title: string; notYetRemedied: number }[] };

/** The rows' count per campaign, in code order: what the per-campaign counts must say. */
const tally = (rows: Row[]) => {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.code, (n.get(r.code) ?? 0) + 1);
  return [...n].sort(([a], [b]) => a.localeCompare(b));
};

describe('followup counts what it shows', () => {
  /** A fresh database (each test has its own folder) with the four serviced vehicles, two of them booked. */
  const setUp = () => {
    const db = tempDbPath();
    const run = (...args: string[]) => cli([...args, '--db', db]);
    seedFollowUpLane(tempDir(), (...args) => expect(run(...args).code).toBe(0));
    return run;
  };

  test('--json: perCampaign is the rows shown, per campaign, under every filter', () => {
    const run = setUp();
    const every = JSON.parse(run('followup', '--json').stdout) as List;
    // The data the test stands on: 4 serviced vehicles, 23LJ01 on two of them, one booked of each of 23LJ01 and BLC.
    expect([every.vehiclesServiced, tally(every.rows)]).toEqual([
      4,
      [
        ['23LJ01', 2],
        ['ALE', 1],
        ['BLC', 1],
      ],
    ]);
    expect(every.rows.filter((r) => r.appointment).map((r) => r.vin)).toEqual(expect.arrayContaining([LC, RX]));
    const filters = [
      [],
      ['--not-booked'],
      ['--booked'],
      ['--available'],
      ['--campaign', '23LJ01'],
      ['--campaign', '23lj01', '--not-booked'],
      ['--campaign', 'ALE', '--booked'],
    ];
    for (const f of filters) {
      const l = JSON.parse(run('followup', ...f, '--json').stdout) as List;
      expect([f, l.perCampaign.map((c) => [c.code, c.notYetRemedied])]).toEqual([f, tally(l.rows)]);
      expect(l.vehiclesServiced).toBe(4);
    }
    const notBooked = JSON.parse(run('followup', '--not-booked', '--json').stdout) as List;
    expect(notBooked.rows.map((r) => [r.code, r.vin])).toEqual([
      ['23LJ01', LC2],
      ['ALE', GS],
    ]);
  }, 180_000);

  test('text: the header and the per-campaign lines say what is shown, and under which filters', () => {
    const run = setUp();
    const head = (...f: string[]) => {
      const r = run('followup', ...f);
      expect(r.code).toBe(0);
      return r.stdout.split('\n').filter((l) => l === '' || !/^(23LJ01|ALE|BLC) {2}/.test(l));
    };
    // No filter: every open campaign, as before.
    expect(head().slice(0, 4)).toEqual([
      '4 open campaigns on 4 vehicles serviced here.',
      '  23LJ01: 2 not yet remedied',
      '  ALE: 1 not yet remedied',
      '  BLC: 1 not yet remedied',
    ]);
    expect(head('--not-booked').slice(0, 3)).toEqual([
      '2 open campaigns shown on 4 vehicles serviced here, as filtered: not booked (to call).',
      '  23LJ01: 1 shown',
      '  ALE: 1 shown',
    ]);
    expect(head('--campaign', '23LJ01', '--not-booked').slice(0, 2)).toEqual([
      '1 open campaign shown on 4 vehicles serviced here, as filtered: Campaign 23LJ01; not booked (to call).',
      '  23LJ01: 1 shown',
    ]);
    expect(head('--campaign', 'ALE', '--booked')[0]).toBe('0 open campaigns shown on 4 vehicles serviced here, as filtered: Campaign ALE; booked only.');
    expect(head('--campaign', 'ALE', '--booked')[1] ?? '').toBe('');
  }, 180_000);

  test('an unknown campaign code is refused (exit 2) with the message form followup gives', () => {
    const run = setUp();
    expect(run('settings', 'dealer', '--name', 'Lexus of Springfield', '--address', '100 Main Street', '--code', '64123', '--phone', '555-0100').code).toBe(0);
    const form = run('form', 'followup', '--campaign', 'XYZ', '--out', path.join(tempDir(), 'x.pdf'));
    expect(form.code).toBe(2);
    expect(form.stderr.split('\n')[0]).toBe('No campaign "XYZ" in the library.');
    for (const f of [[], ['--json'], ['--csv'], ['--not-booked']]) {
      const list = run('followup', '--campaign', 'XYZ', ...f);
      expect([f, list.code, list.stdout, list.stderr]).toEqual([f, 2, '', form.stderr]);
    }
  }, 180_000);
});
