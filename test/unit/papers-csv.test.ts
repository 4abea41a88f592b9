// CSVs say what the screen says (issue 16): the words a person reads, never the internal codes the
// data carries (a form kind, a change's field, a missing value), read back by a real CSV parser.
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import type { Claim } from '../../shared/claims/contract';
import { dateTimeText } from '../../shared/dates';
import { formsLogCsv } from '../../shared/forms/csv';
import type { CampaignPart } from '../../shared/parts/contract';
import { claimsCsv, partsCsv, suggestionsCsv } from '../../shared/parts/csv';
import { callCsvRow } from '../../shared/changes/csv';
import { CODE_LIKE } from '../support/csv-words';

const claim = (over: Partial<Claim>): Claim => ({
  id: 7,
  vin: 'JTHKPAAY4PA001234',
  campaign: '23LJ01',
  opCode: null,
  hours: null,
  note: 'The bulletin gives no op code: enter it with a correction.',
  repairOrder: 'RO-9',
  technician: 'Dana Kim',
  verifiedBy: 'Sam Ortiz',
  completedOn: '2026-11-23',
  appointmentId: 3,
  goodwill: 'Guest lost the only key (23LJ01 FAQ Q13)',
  history: [{ field: 'op_code', oldValue: null, newValue: '23LJ01R1', reason: 'from the bulletin', madeBy: 'Pat', madeAt: '2026-11-24T08:00:00Z' }],
  ...over,
});

test('claims: a missing op code or hours in words, goodwill said, a correction as the screen writes it', () => {
  const rows = parse(claimsCsv([claim({})])) as string[][];
  const head = rows[0]!;
  const row = Object.fromEntries(head.map((h, i) => [h, rows[1]![i]]));
  expect(row['Op code']).toBe('none');
  expect(row['Flat-rate hours']).toBe('not stated');
  expect(row.Goodwill).toBe('Guest lost the only key (23LJ01 FAQ Q13)');
  expect(row.Corrections).toBe('Op code was (none) → 23LJ01R1: from the bulletin (Pat, 2026-11-24)');
  const vinFix = parse(
    claimsCsv([
      claim({ goodwill: null, history: [{ field: 'vin', oldValue: 'A', newValue: 'B', reason: 'typo', madeBy: 'Pat', madeAt: '2026-11-24T08:00:00Z' }] }),
    ]),
  ) as string[][];
  expect(vinFix[1]![head.indexOf('Goodwill')]).toBe('no');
  expect(vinFix[1]![head.indexOf('Corrections')]).toBe('VIN was A → B: typo (Pat, 2026-11-24)');
  for (const cell of rows[1]!) expect(cell).not.toMatch(CODE_LIKE);
});

test('order suggestions: a line without a part number says "none", as on screen', () => {
  const rows = parse(
    suggestionsCsv({
      horizonDays: 14,
      lines: [
        {
          key: 'ALE||',
          campaign: 'ALE',
          partNumber: null,
          part: null,
          method: 'none',
          quantity: 0,
          vin: null,
          reason: 'No order: part number not yet released.',
          source: null,
          bookedAt: null,
        },
      ],
    }),
  ) as string[][];
  expect(rows[1]).toEqual(['ALE', 'none', 'No order', '0', '', 'No order: part number not yet released.']);
});

test('the forms log: the form as the screen names it and the one date format', () => {
  const at = '2026-12-06T06:40:42.000Z';
  const rows = parse(formsLogCsv([{ id: 1, kind: 'owner-letter', campaign: '23LJ01', vin: 'JTHKPAAY4PA001234', date: at, staff: null }])) as string[][];
  expect(rows).toEqual([
    ['Form', 'Campaign', 'VIN', 'Date', 'Staff'],
    ['Owner letter', '23LJ01', 'JTHKPAAY4PA001234', dateTimeText(at), ''],
  ]);
});

test('parts: every value in the words of the Parts screen, amendments marked', () => {
  const part: CampaignPart = {
    campaign: '23LJ01',
    partNumber: '04002-****',
    isPattern: true,
    description: 'TRANSMITTER SUBASSY, ELECTRICAL KEY',
    quantity: null,
    macCode: null,
    released: true,
    perVin: null,
    allocation: null,
    sources: {
      partNumber: 'bulletin',
      description: 'bulletin',
      quantity: 'not-stated',
      macCode: 'amendment',
      released: 'bulletin',
      perVin: 'not-stated',
      allocation: 'not-stated',
    },
    bulletin: null,
    amendments: [{ id: 1, madeBy: 'Pat', madeAt: '2026-11-23T12:00:00.000Z', bulletinRevision: '2024-01-31', changes: ['MAC code: none'] }],
    superseded: [],
    stockingLevel: 0,
    onHand: 2,
    onOrder: 1,
    perVinStock: [],
  } as CampaignPart;
  const rows = parse(partsCsv({ parts: [part], notes: [{ campaign: 'BLC', note: 'This bulletin gives no part number.' }] })) as string[][];
  const head = rows[0]!;
  const row = Object.fromEntries(head.map((h, i) => [h, rows[1]![i]]));
  expect(row).toMatchObject({
    Campaign: '23LJ01',
    'Part number': '04002-****',
    'Qty / vehicle': 'not stated',
    'MAC code': 'no MAC code *',
    Released: 'yes',
    'Per VIN': 'not stated',
    'On hand': '2',
    'On order': '1',
    Amendments: '2026-11-23 by Pat: MAC code: none',
  });
  expect(rows[2]!.slice(0, 3)).toEqual(['BLC', '', 'This bulletin gives no part number.']);
});

test('the call list: a booking in the one date format, yes/no in words', () => {
  const row = callCsvRow({
    campaign: '23LJ01',
    vin: 'JTHKPAAY4PA001234',
    model: 'LC',
    modelYear: 2023,
    stockNumber: null,
    inStock: false,
    bookedAt: '2026-12-07T09:00',
    guestName: 'Jordan Example',
    guestPhone: null,
    guestEmail: null,
  } as Parameters<typeof callCsvRow>[0]);
  expect(row.slice(7)).toEqual(['2026-12-07 09:00', 'no']);
});
