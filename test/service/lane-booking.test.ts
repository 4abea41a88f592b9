// Booking as the lane runs it (issue 16): one open appointment per VIN and campaign, no time in the
// past, opening hours a warning, goodwill only where the bulletin offers it, the waiting list, and the
// follow-up list that shows the appointment. Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, LC2, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

// Its check digit right (X): a part is ordered only for an exact VIN, and a booking of a typo is warned about.
const RX05 = 'JTJHA31UX50123456';
const ALE_VIN = 'JTHBE96S170007930';
const bookLc = (app: App, vin: string, at: string) => call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at, model: 'LC', productionMonth: '2022-12' });

describe('one open appointment per VIN and campaign', () => {
  test('a second booking is refused and names the first, with the offer to move it; moving it works', async () => {
    const app = await testApp();
    const first = await bookLc(app, LC, '2026-11-30T09:00');
    const e = await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-12-02T09:00', model: 'LC', productionMonth: '2022-12' });
    expect([e.code, e.message, e.details]).toEqual([
      'conflict',
      `${LC} already has an open appointment for 23LJ01: appointment ${first.id} on 2026-11-30 09:00. Move it instead of booking again.`,
      [`Move it: recall-desk appointment ${first.id} move --at YYYY-MM-DDTHH:MM (on screen: Move).`],
    ]);
    const preview = await call(app, 'previewBooking', { vin: LC, model: 'LC', productionMonth: '2022-12' });
    expect(preview.campaigns[0]!.openAppointment).toEqual({ id: first.id, at: '2026-11-30T09:00' });
    const moved = await call(app, 'moveAppointment', { id: first.id, at: '2026-12-02T09:00' });
    expect(moved.appointment.at).toBe('2026-12-02T09:00');
    expect((await call(app, 'listAppointments', {})).appointments).toHaveLength(1);
    // Another vehicle, or the same one once the first is cancelled, books.
    await bookLc(app, LC2, '2026-11-30T09:00');
    await call(app, 'setAppointmentStatus', { id: first.id, status: 'cancelled' });
    expect((await bookLc(app, LC, '2026-12-03T09:00')).id).toBeGreaterThan(first.id);
    // Only one demand per vehicle: one CPOR line for LC.
    const cpor = (await call(app, 'suggestOrders', {})).lines.filter((l) => l.method === 'cpor' && l.vin === LC);
    expect(cpor).toHaveLength(1);
  });

  test('a time in the past is refused (booking and moving); 03:00 today is past at noon', async () => {
    const app = await testApp();
    for (const at of ['2020-06-01T03:00', '2026-11-23T03:00', '2026-11-23T11:59']) {
      const e = await refusal(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at, model: 'RX 330' });
      expect(e.message).toBe(`${at.replace('T', ' ')} is in the past (it is now 2026-11-23 12:00): book a time to come.`);
    }
    const a = await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-23T12:00', model: 'RX 330' });
    expect((await refusal(app, 'moveAppointment', { id: a.id, at: '2026-11-22T09:00' })).message).toMatch(/is in the past/);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(1);
  });

  test('outside the opening hours set in Settings is a warning; none are set by default', async () => {
    const app = await testApp();
    expect((await call(app, 'getSettings', {})).openingHours).toBeNull();
    expect((await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-24T05:00', model: 'RX 330' })).warnings).toEqual([]);
    await call(app, 'saveSettings', { openingHours: { opens: '07:30', closes: '18:00' } });
    const r = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-24T18:30', model: 'LC', productionMonth: '2022-12' });
    expect(r.warnings).toEqual(['2026-11-24 18:30 is outside the opening hours set in Settings (07:30-18:00): check the time with the guest.']);
    expect((await refusal(app, 'saveSettings', { openingHours: { opens: '18:00', closes: '07:30' } })).message).toMatch(/closing time must be after/);
  });

  test('work that would run past closing is a warning too: the bulletin states its length', async () => {
    const app = await testApp();
    await call(app, 'saveSettings', { openingHours: { opens: '07:30', closes: '18:00' } });
    // 23LJ01 states 45 minutes: 17:59 ends at 18:44.
    const late = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-24T17:59', model: 'LC', productionMonth: '2022-12' });
    expect(late.warnings).toEqual([
      '2026-11-24 17:59: the work (45 min) would end at 18:44, after closing (opening hours in Settings: 07:30-18:00): check the time with the guest.',
    ]);
    const moved = await call(app, 'moveAppointment', { id: late.id, at: '2026-11-24T17:15' });
    expect(moved.warnings).toEqual([]);
    expect((await call(app, 'moveAppointment', { id: late.id, at: '2026-11-24T17:30' })).warnings).toEqual([
      '2026-11-24 17:30: the work (45 min) would end at 18:15, after closing (opening hours in Settings: 07:30-18:00): check the time with the guest.',
    ]);
  });
});

test('a time not written as the format asks is refused with the format, and no example day that has gone by', async () => {
  const app = await testApp();
  const e = await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '30/11/2026 9am', model: 'LC', productionMonth: '2022-12' });
  expect(e.message).toBe('at: the time must be written YYYY-MM-DDTHH:MM: the day, a T, then the hour and minute (09:30 on 25 March is YYYY-03-25T09:30)');
});

test('a time more than a year ahead is booked with a warning to check the year; a time gone by is refused with an example to come', async () => {
  const app = await testApp();
  const far = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2126-11-30T09:00', model: 'LC', productionMonth: '2022-12' });
  expect(far.warnings).toEqual(['2126-11-30 09:00 is more than a year ahead: check the year.']);
  const past = await refusal(app, 'bookAppointment', { vin: LC2, campaigns: ['23LJ01'], at: '2026-11-20T09:00', model: 'LC', productionMonth: '2022-12' });
  // The clock is 2026-11-23 12:00: the example is tomorrow.
  expect(past.details).toEqual(['Write the date and time as YYYY-MM-DDTHH:MM, e.g. 2026-11-24T09:00 for tomorrow at 09:00.']);
});

describe('goodwill only where the bulletin offers it', () => {
  test('a goodwill reason given where the remedy is available is not recorded, and the advisor is told so', async () => {
    const app = await testApp();
    const r = await call(app, 'bookAppointment', {
      vin: LC,
      campaigns: ['23LJ01'],
      at: '2026-11-30T09:00',
      model: 'LC',
      productionMonth: '2022-12',
      goodwill: 'customer upset',
    });
    expect(r.warnings).toContain('The remedy is available for 23LJ01: no goodwill reason is needed, and "customer upset" was not recorded.');
    const [a] = (await call(app, 'listAppointments', {})).appointments;
    expect(a!.goodwillReason).toBeNull();
  });

  test('23LJ01, phase not known to be launched: goodwill (FAQ Q13) books, and the offer says where it comes from', async () => {
    const app = await testApp();
    const offer = (await call(app, 'previewBooking', { vin: LC, model: 'LC', productionMonth: '2022-11' })).campaigns[0]!;
    expect([offer.available, offer.goodwill]).toEqual([false, '23LJ01 FAQ Q13']);
    const r = await call(app, 'bookAppointment', {
      vin: LC,
      campaigns: ['23LJ01'],
      at: '2026-11-30T09:00',
      model: 'LC',
      productionMonth: '2022-11',
      goodwill: 'lost the only key',
    });
    expect(r.warnings).toEqual([expect.stringMatching(/Booked as goodwill \(23LJ01 FAQ Q13\): lost the only key\.$/)]);
  });

  test('ALE (no part released, no repair yet) is never booked as goodwill: the waiting list instead, shown on the follow-up list', async () => {
    const app = await testApp();
    const offer = (await call(app, 'previewBooking', { vin: ALE_VIN })).campaigns.find((c) => c.code === 'ALE')!;
    expect([offer.available, offer.goodwill]).toEqual([false, null]);
    const e = await refusal(app, 'bookAppointment', { vin: ALE_VIN, campaigns: ['ALE'], at: '2026-11-30T09:00', goodwill: 'Guest lost only key (Q13)' });
    expect(e.message).toBe('The remedy is not available for this vehicle and its bulletin offers no goodwill for it: it cannot be booked yet.');
    expect(e.details.at(-1)).toMatch(/^Put the vehicle on the waiting list instead/);
    expect(app.db.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(0);

    await call(app, 'addToWaitingList', { vin: ALE_VIN, campaign: 'ALE', note: 'call after 5 pm', by: 'Pat' });
    expect((await refusal(app, 'addToWaitingList', { vin: ALE_VIN, campaign: 'ALE', by: 'Pat' })).message).toBe(
      `${ALE_VIN} is already on the waiting list for ALE (since 2026-11-23).`,
    );
    expect((await refusal(app, 'addToWaitingList', { vin: RX05, campaign: 'BLC', by: 'Pat' })).message).toMatch(/^The remedy of BLC is available/);
    const f = await call(app, 'followUpList', {});
    expect(f.waiting).toEqual([{ vin: ALE_VIN, code: 'ALE', since: '2026-11-23T12:00:00.000Z', note: 'call after 5 pm', addedBy: 'Pat' }]);
  });
});

describe('the follow-up list shows the appointment', () => {
  async function serviced(app: App) {
    const p = await call(app, 'previewVehicles', {
      fileName: 'dms.csv',
      content: [
        'VIN,Year,Model,Last Service,Customer,Phone',
        `${RX05},2005,RX 330,2026-10-01,Ann Guest,555-0101`,
        `JTJHA31U250123457,2005,RX 330,2026-09-01,Bo Guest,555-0102`,
      ].join('\n'),
      inStock: 'none',
      mapping: {},
    });
    await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId! })).jobId);
  }

  test('each row has its open appointment or null; booked and not-booked filter', async () => {
    const app = await testApp();
    await serviced(app);
    const a = await call(app, 'bookAppointment', { vin: RX05, campaigns: ['BLC'], at: '2026-11-30T09:00', model: 'RX 330' });
    const all = await call(app, 'followUpList', {});
    expect(all.rows.map((r) => [r.vin, r.appointment])).toEqual([
      [RX05, { id: a.id, at: '2026-11-30T09:00' }],
      ['JTJHA31U250123457', null],
    ]);
    expect((await call(app, 'followUpList', { booked: 'not-booked' })).rows.map((r) => r.vin)).toEqual(['JTJHA31U250123457']);
    expect((await call(app, 'followUpList', { booked: 'booked' })).rows.map((r) => r.vin)).toEqual([RX05]);
    // A cancelled appointment no longer counts as booked.
    await call(app, 'setAppointmentStatus', { id: a.id, status: 'cancelled' });
    expect((await call(app, 'followUpList', { booked: 'booked' })).rows).toEqual([]);
  });
});
