// The record form's checks live in the service: dates as the counter types them, in plain words, no
// future, and no "completed here" while the bulletin says the remedy or its parts are not there yet.
import { describe, expect, test } from 'vitest';
import type { LookupResult } from '../../shared/api';
import { parseCounterDate } from '../../shared/vehicles/dates';
import { ok } from '../support/envelope';
import { testApp } from '../support/tempdb';

const TODAY = '2026-11-23';

describe('dates as people type them', () => {
  test.each([
    ['03/14/2024', '2024-03-14'],
    ['3/14/24', '2024-03-14'],
    ['2024-03-14', '2024-03-14'],
    ['12/31/99', '1999-12-31'],
    [' 2/29/2024 ', '2024-02-29'],
  ])('%s is %s', (typed, iso) => expect(parseCounterDate(typed, TODAY)).toEqual({ ok: true, iso }));
  test('a date that does not exist is refused in plain words', () => {
    expect(parseCounterDate('02/30/2024', TODAY)).toEqual({ ok: false, message: '"02/30/2024" is not a date: February 2024 has 29 days.' });
    expect(parseCounterDate('13/01/2024', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('there is no month 13') });
    expect(parseCounterDate('yesterday', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('Write it as 03/14/2024') });
  });
  test('the future is refused', () => {
    expect(parseCounterDate('11/24/2026', TODAY)).toEqual({
      ok: false,
      message: '11/24/2026 is after today (11/23/2026): a repair cannot be completed in the future.',
    });
  });
});

describe('setVehicleCampaignStatus', () => {
  test('takes 3/14/24 as typed and stores the date', async () => {
    const app = await testApp({ vpicPath: null });
    const vin = 'JTJHA31U960012345';
    const saved = await ok<{ completedOn: string }>(
      app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'BLC', status: 'completed-here', completedOn: '3/14/24', repairOrder: 'RO-1' }),
    );
    expect(saved.completedOn).toBe('2024-03-14');
    const hit = (await ok<LookupResult>(app.dispatch('lookup', { vin, model: 'RX 330' }))).campaigns.find((c) => c.code === 'BLC')!;
    expect(hit.vehicleStatus).toEqual({ status: 'completed-here', completedOn: '2024-03-14', repairOrder: 'RO-1' });
  });
  test('speaks plain words: no field paths, no YYYY-MM-DD demands', async () => {
    const app = await testApp({ vpicPath: null });
    const vin = 'JTJHA31U960012345';
    const bad = await app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'BLC', status: 'completed-here', completedOn: '02/30/2024', repairOrder: 'R' });
    expect(bad).toMatchObject({ ok: false, error: { message: 'Completion date: "02/30/2024" is not a date: February 2024 has 29 days.' } });
    const future = await app.dispatch('setVehicleCampaignStatus', {
      vin,
      campaign: 'BLC',
      status: 'completed-here',
      completedOn: '12/01/2026',
      repairOrder: 'R',
    });
    expect(future).toMatchObject({ ok: false, error: { message: expect.stringContaining('a repair cannot be completed in the future') } });
    const noRo = await app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'BLC', status: 'completed-here', completedOn: '11/01/2026' });
    expect(noRo).toMatchObject({ ok: false, error: { message: 'Completed here needs the repair order (RO) number of the repair.' } });
  });
  test('refuses "completed here" while the parts are not released (ALE), with the reason; elsewhere is fine', async () => {
    const app = await testApp({ vpicPath: null });
    const vin = 'JTHBE96S170007930';
    const r = await app.dispatch('setVehicleCampaignStatus', {
      vin,
      campaign: 'ALE',
      status: 'completed-here',
      completedOn: '09/01/2010',
      repairOrder: 'RO-4411',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^ALE cannot be recorded as completed here: the remedy is not available/) },
    });
    expect((r as { error: { message: string } }).error.message).toMatch(/not released/i);
    expect(app.lookup.lookup({ vin }).campaigns[0]!.vehicleStatus).toBeNull();
    await ok(app.dispatch('setVehicleCampaignStatus', { vin, campaign: 'ALE', status: 'completed-elsewhere', completedOn: '09/01/2010' }));
    expect(app.lookup.lookup({ vin }).campaigns[0]!.vehicleStatus).toEqual({ status: 'completed-elsewhere', completedOn: '2010-09-01', repairOrder: null });
  });
});
