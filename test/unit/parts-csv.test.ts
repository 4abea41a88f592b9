// The order suggestions and claims as CSV: read back by a real CSV parser, field for field.
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { claimsCsv, suggestionsCsv } from '../../shared/parts/csv';

test('suggestion lines survive commas, quotes and the words of their reasons', () => {
  const csv = suggestionsCsv({
    horizonDays: 14,
    lines: [
      {
        key: 'BLC|12345-67890|',
        campaign: 'BLC',
        partNumber: '12345-67890',
        part: '12345-67890',
        source: 'shelf',
        bookedAt: null,
        method: 'stock',
        quantity: 2,
        vin: null,
        reason: '2 booked in the next 14 days + keep 1 on the shelf = 3; 1 on hand + 0 on order: order 2',
      },
      {
        key: '23LJ01|04002-****|JTHKPAAY4PA001234',
        campaign: '23LJ01',
        partNumber: '04002-****',
        part: '04002-****',
        source: 'booked',
        bookedAt: '2026-11-30T09:00',
        method: 'cpor',
        quantity: 1,
        vin: 'JTHKPAAY4PA001234',
        reason: 'Booked 2026-11-30 09:00 (remedy available); "key", order 1',
      },
    ],
  });
  expect(parse(csv, { bom: true })).toEqual([
    ['Campaign', 'Part number', 'Method', 'Quantity', 'VIN', 'Reason'],
    ['BLC', '12345-67890', 'Stock order', '2', '', '2 booked in the next 14 days + keep 1 on the shelf = 3; 1 on hand + 0 on order: order 2'],
    ['23LJ01', '04002-****', 'Order through CPOR', '1', 'JTHKPAAY4PA001234', 'Booked 2026-11-30 09:00 (remedy available); "key", order 1'],
  ]);
});

test('a corrected claim carries its original in the history column', () => {
  const csv = claimsCsv([
    {
      id: 1,
      vin: 'JTHKPAAY4PA001234',
      campaign: '23LJ01',
      opCode: '23LJ01R1',
      hours: 0.4,
      note: null,
      repairOrder: '=RO-1',
      technician: 'Dana Kim',
      verifiedBy: 'Sam Ortiz',
      completedOn: '2026-11-23',
      appointmentId: 1,
      goodwill: null,
      history: [{ field: 'op_code', oldValue: '23LJ01R2', newValue: '23LJ01R1', reason: 'typed the wrong one', madeBy: 'Pat', madeAt: '2026-11-24T08:00:00Z' }],
    },
  ]);
  const rows = parse(csv) as string[][];
  expect(rows[1]).toEqual([
    '1',
    'JTHKPAAY4PA001234',
    '23LJ01',
    '23LJ01R1',
    '0.4',
    "'=RO-1", // never a formula in a spreadsheet
    'Dana Kim',
    'Sam Ortiz',
    '2026-11-23',
    'no',
    '',
    'Op code was 23LJ01R2 → 23LJ01R1: typed the wrong one (Pat, 2026-11-24)',
  ]);
});
