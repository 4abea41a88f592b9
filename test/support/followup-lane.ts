// Four vehicles serviced here, two of them booked for campaign work in three days: the follow-up list's
// counts under each filter (test/cli/followup-counts.test.ts and test/e2e/followup-counts.spec.ts).
// `run` runs the built CLI on the test's database and fails the test when a command fails. No test
// runner is imported here, so vitest and Playwright can both use it.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, localIsoDate } from '../../shared/dates';
import { LC, LC2 } from './lane';
import { makeVin } from './synthetic';

export const GS = makeVin('JTH', 'BE96S', 2007, '0007930'); // ALE
export const RX = makeVin('2T2', 'HA31U', 2005, '0100000'); // BLC

/** Imports the serviced vehicles from a DMS file written in `dir`, then books the LC (23LJ01) and the RX (BLC). */
export function seedFollowUpLane(dir: string, run: (...args: string[]) => void): void {
  const file = path.join(dir, 'service.csv');
  fs.writeFileSync(
    file,
    [
      'VIN,Year,Model,Production,Last Service,Customer,Phone',
      `${LC},2023,LC 500,2022-12,2026-10-04,Ann,555-0101`,
      `${LC2},2023,LC 500,2022-12,2026-10-03,Cy,555-0103`,
      `${GS},2007,GS 350,,2026-10-02,Bo,555-0102`,
      `${RX},2005,RX 330,,2026-10-01,Di,555-0104`,
    ].join('\n'),
  );
  const inThreeDays = addDays(localIsoDate(new Date()), 3);
  run('import-vehicles', file);
  run('book', LC, '--campaign', '23LJ01', '--at', `${inThreeDays}T09:00`);
  run('book', RX, '--campaign', 'BLC', '--at', `${inThreeDays}T10:00`, '--model', 'RX 330');
}
