// A reviewer's day in the service lane on the built CLI: `complete` of work booked for a later day is
// refused (exit 2) until it is moved to today; `book` where the remedy status is unknown says "unknown".
// Real clock: "tomorrow" is the day after today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addDays, localIsoDate, localMinute } from '../../shared/dates';
import { cli } from '../support/cli';
import { TRAINED } from '../support/lane';
import { existingDbPath, tempDir } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const today = () => localIsoDate(new Date());
const LC_LISTED = 'JTHHP5AY9PA000002';
const RX_UNKNOWN = '2T2BAMCA6PC000999';

describe('the reviewer’s day at the counter', () => {
  test('complete: exit 2 for an appointment of a later day, naming the move; moved to today, it completes', () => {
    const db = existingDbPath();
    const file = path.join(tempDir(), 'tis.csv');
    fs.writeFileSync(file, ['VIN,Phase,Part Number,Status', `${LC_LISTED},1,04002-22222,Open`].join('\n'));
    expect(run(db, 'import-vins', '23LJ01', file).code).toBe(0);
    const tomorrow = `${addDays(today(), 1)}T09:00`;
    expect(run(db, 'book', LC_LISTED, '--campaign', '23LJ01', '--at', tomorrow).code).toBe(0);
    expect(run(db, 'suggest', '--accept', '--vin', LC_LISTED, '--by', 'Pat').code).toBe(0);
    expect(run(db, 'stock', 'cpor', '1', '--ref', 'X', '--by', 'Pat').code).toBe(0);
    expect(run(db, 'stock', 'receive', '04002-22222', '1', '--vin', LC_LISTED, '--by', 'Pat').code).toBe(0);
    expect(run(db, 'techs', 'add', 'Tom Tech', ...TRAINED.flatMap((c) => ['--course', c])).code).toBe(0);
    expect(run(db, 'settings', 'staff', 'add', 'Vera Verifier').code).toBe(0);

    const early = run(db, 'complete', '1', '--tech', 'Tom Tech', '--verified-by', 'Vera Verifier');
    expect([early.code, early.stdout]).toEqual([2, '']);
    const [said, how] = early.stderr.trimEnd().split('\n');
    expect(said).toBe(
      `Appointment 1 is booked for ${tomorrow.replace('T', ' ')}, a later day than today (${today()}): work is completed on the day the vehicle is here.`,
    );
    expect(how).toMatch(
      new RegExp(
        `^ {2}If the guest came early, move the appointment to today first: recall-desk appointment 1 move --at ${today()}T\\d\\d:\\d\\d \\(on screen: Book, look the VIN up, then "Move it to the time below"\\), then complete it\\.$`,
      ),
    );
    const listed = JSON.parse(run(db, 'appointments', '--json').stdout).appointments[0];
    expect([listed.status, listed.completedOn]).toEqual(['booked', null]);
    expect(run(db, 'claims', '--json').stdout).not.toContain(LC_LISTED);

    expect(run(db, 'appointment', '1', 'move', '--at', localMinute(new Date())).code).toBe(0);
    const done = run(db, 'complete', '1', '--tech', 'Tom Tech', '--verified-by', 'Vera Verifier');
    expect([done.code, done.stdout]).toEqual([0, expect.stringMatching(/^Appointment 1 completed\./)]);
  }, 180_000);

  test('book: a remedy whose status is unknown reads "unknown", never "not available"', () => {
    const db = existingDbPath();
    const r = run(db, 'book', RX_UNKNOWN, '--campaign', '23LJ01', '--at', `${addDays(today(), 1)}T13:00`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/not available/);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      "The remedy's status is unknown for this vehicle (its phase is not known): it may not be available yet. Give the model and production month, or check the VIN on TIS; or book it only with a goodwill reason (e.g. a lost only key, an urgent need).",
      expect.stringMatching(/^ {2}23LJ01: remedy status unknown: The phase depends on .* Goodwill is offered by 23LJ01 FAQ Q13\.$/),
      '  Give the model and production month with --model MODEL --produced YYYY-MM (on screen: "Model", "Production month"), or the reason with --goodwill REASON (on screen: "Goodwill reason").',
    ]);
  }, 60_000);
});
