// A reviewer's day at the parts counter (2026-12): a per-VIN part ordered by hand is a CPOR request
// "to place" (ordered, not "accepted"), and one received before its CPOR reference was entered says so;
// a mistyped VIN asked for by --accept names its check digit, in the words stock order uses.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { inexactVin } from '../../main/parts/ledger';
import { requestStateText } from '../../shared/parts/wording';
import { call, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

const bookLc = (app: Awaited<ReturnType<typeof testApp>>, vin: string, at: string) =>
  call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at, model: 'LC', productionMonth: '2022-12' });

describe('a per-VIN part ordered by hand', () => {
  test('is a request to place, said as ordered by its maker; one received before its CPOR reference says so', async () => {
    const app = await testApp();
    const ordered = await call(app, 'recordMovement', { kind: 'order', part: '04002-33333', quantity: 1, vin: LC, by: 'Pat' });
    expect(ordered.cpor).toMatchObject({ state: 'to-place', reference: null, partNumber: '04002-33333' });
    expect(ordered.warnings).toEqual([]);
    // An accepted suggestion line for another vehicle beside it.
    await bookLc(app, LC2, '2026-11-30T09:00');
    await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Sam', vins: [LC2] });
    const { requests } = await call(app, 'cporRequests', {});
    expect(requests.map((r) => [r.vin, r.recordedAs, requestStateText(r)])).toEqual([
      [LC, 'ordered', 'to place since 2026-11-23 12:00, ordered by Pat'],
      [LC2, 'accepted', 'to place since 2026-11-23 12:00, accepted by Sam'],
    ]);
    const early = await call(app, 'recordMovement', { kind: 'receive', part: '04002-33333', quantity: 1, vin: LC, by: 'Pat' });
    expect(early.warnings).toEqual([
      `Received before its CPOR reference was entered: order #${ordered.movement.id} for ${LC} was still to place. Enter the reference CPOR gave: recall-desk stock cpor ${ordered.movement.id} --ref REFERENCE.`,
    ]);
    expect(early.cpor).toMatchObject({ state: 'received' });
    const lc2 = requests.find((r) => r.vin === LC2)!;
    await call(app, 'setCporReference', { id: lc2.id, reference: 'CP-9', by: 'Sam' });
    const onTime = await call(app, 'recordMovement', { kind: 'receive', part: lc2.partNumber, quantity: 1, vin: LC2, by: 'Pat' });
    expect(onTime.warnings).toEqual([]);
  });
});

describe('accepting the line of a mistyped VIN', () => {
  test('names the check digit first, in the words stock order uses', async () => {
    const app = await testApp();
    const typo = `${LC.slice(0, 8)}0${LC.slice(9)}`;
    const r = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [typo] });
    const refused = inexactVin(typo)!.message;
    expect(refused).toMatch(/the check digit \(position 9\) is "0"/);
    expect(r.notOrdered).toEqual([{ vin: typo, reason: refused.replace(`VIN ${typo}: `, '') }]);
  });
});
