// `suggest --accept --vin VIN[,VIN...]` says, for each VIN that got no order, why; the count alone
// ("0 orders recorded") said nothing. Real clock: the appointment is days ahead of today.
import { expect, test } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { cli } from '../support/cli';
import { LC } from '../support/lane';
import { tempDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);
const TYPO = `${LC.slice(0, 8)}0${LC.slice(9)}`;
const OTHER = 'JTHKPAAY6PA001235'; // not booked, not in stock (its check digit matches: a mistyped one is named as such)

test('suggest --accept --vin: each VIN without an order is named with the reason, exit 0', () => {
  const db = tempDbPath();
  const at = `${addDays(localIsoDate(new Date()), 5)}T09:00`;
  const booked = run(db, 'book', TYPO, '--campaign', '23LJ01', '--at', at, '--model', 'LC', '--produced', '2022-12', '--json');
  expect(JSON.parse(booked.stdout).warnings).toEqual([expect.stringMatching(new RegExp(`^VIN ${TYPO}: the check digit does not match`))]);
  const r = run(db, 'suggest', '--accept', '--vin', `${TYPO},${OTHER}`, '--by', 'Pat');
  expect(r.code).toBe(0);
  expect(r.stdout.trimEnd().split('\n').slice(-3)).toEqual([
    '0 orders recorded in the stock ledger.',
    expect.stringMatching(new RegExp(`^No order for VIN ${TYPO}: its 23LJ01 line orders nothing: .*the check digit does not match`)),
    `No order for VIN ${OTHER}: no line for it in the suggestions: it is not booked within the next 14 days, and not in stock with a campaign part to order through CPOR.`,
  ]);
  // With --json the pinned JSON stays on stdout; the reasons go to stderr.
  const json = run(db, 'suggest', '--accept', '--vin', OTHER, '--by', 'Pat', '--json');
  expect(Object.keys(JSON.parse(json.stdout))).toEqual(['horizonDays', 'lines']);
  expect(json.stderr).toBe(
    `No order for VIN ${OTHER}: no line for it in the suggestions: it is not booked within the next 14 days, and not in stock with a campaign part to order through CPOR.\n`,
  );
}, 120_000);
