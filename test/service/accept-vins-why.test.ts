// Accepting the suggestions of chosen VINs says, for each VIN that got no order, why: no line for it,
// its line orders nothing (and that line's reason), or its line was left out by the other choices.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, LC2 } from '../support/lane';
import { testApp } from '../support/tempdb';

const TYPO = `${LC.slice(0, 8)}0${LC.slice(9)}`;
const book = (app: App, vin: string) =>
  call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at: '2026-11-25T09:00', model: 'LC', productionMonth: '2022-12' });

describe('accepting the lines of chosen VINs', () => {
  test('says why each VIN that got no order got none', async () => {
    const app = await testApp();
    await book(app, TYPO);
    await book(app, LC);
    const r = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [TYPO, LC2, LC], campaign: 'BLC' });
    expect(r.recorded).toEqual([]);
    expect(r.notOrdered).toEqual([
      {
        vin: TYPO,
        reason: expect.stringMatching(
          /^its 23LJ01 line orders nothing: Booked 2026-11-25 09:00 \(remedy available\); no order: the check digit does not match/,
        ),
      },
      {
        vin: LC2,
        reason: 'no line for it in the suggestions: it is not booked within the next 14 days, and not in stock with a campaign part to order through CPOR.',
      },
      { vin: LC, reason: 'its line is for 23LJ01, not BLC (--campaign).' },
    ]);
    const ordered = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC] });
    expect([ordered.recorded.length, ordered.notOrdered]).toEqual([1, []]);
    // Once ordered, the VIN has no line: what is on record for it is said.
    const again = await call(app, 'acceptSuggestions', { horizonDays: 14, by: 'Pat', vins: [LC] });
    expect(again.notOrdered).toEqual([
      { vin: LC, reason: 'no line for it in the suggestions: 04002-**** is already ordered or on hand for it (stock history 04002-****).' },
    ]);
  });
});
