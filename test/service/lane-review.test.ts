// A reviewer's day in the service lane (2026-12): work booked for a later day is not completed before
// the vehicle is here (moved to today first); a remedy whose status is unknown reads "unknown", never
// "not available", and says what decides it.
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { call, LC, refusal, TRAINED } from '../support/lane';
import { testApp } from '../support/tempdb';

const bookLc = (app: Awaited<ReturnType<typeof testApp>>, vin: string, at: string) =>
  call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at, model: 'LC', productionMonth: '2022-12' });

describe('completing work booked for a later day', () => {
  test('is refused until the appointment is moved to today; then it completes', async () => {
    const app = await testApp();
    await call(app, 'addTechnician', { name: 'Tom Tech', courses: TRAINED });
    await call(app, 'addStaff', { name: 'Vera Verifier' });
    const a = await bookLc(app, LC, '2026-11-24T09:00');
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const early = await refusal(app, 'completeAppointment', { id: a.id, technician: 'Tom Tech', verifiedBy: 'Vera Verifier' });
    expect([early.code, early.message, early.details]).toEqual([
      'conflict',
      `Appointment ${a.id} is booked for 2026-11-24 09:00, a later day than today (2026-11-23): work is completed on the day the vehicle is here.`,
      [
        `If the guest came early, move the appointment to today first: recall-desk appointment ${a.id} move --at 2026-11-23T12:00 (on screen: Book, look the VIN up, then "Move it to the time below"), then complete it.`,
      ],
    ]);
    // Nothing was written: no part used, no claim, the appointment still booked.
    expect(app.db.sqlite.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    expect((await call(app, 'listAppointments', {})).appointments[0]!.status).toBe('booked');
    // Arrived early is the same: the day is still a later one.
    await call(app, 'setAppointmentStatus', { id: a.id, status: 'arrived' });
    expect((await refusal(app, 'completeAppointment', { id: a.id, technician: 'Tom Tech', verifiedBy: 'Vera Verifier' })).code).toBe('conflict');
    await call(app, 'setAppointmentStatus', { id: a.id, status: 'cancelled' });
    const b = await bookLc(app, LC, '2026-11-24T09:00');
    await call(app, 'moveAppointment', { id: b.id, at: '2026-11-23T12:00' });
    const done = await call(app, 'completeAppointment', { id: b.id, technician: 'Tom Tech', verifiedBy: 'Vera Verifier' });
    expect([done.appointment.status, done.appointment.at, done.appointment.completedOn]).toEqual(['completed', '2026-11-23T12:00', '2026-11-23']);
  });

  test('work booked earlier today completes', async () => {
    const app = await testApp({ now: () => new Date('2026-11-23T08:00:00Z') });
    await call(app, 'addTechnician', { name: 'Tom Tech', courses: TRAINED });
    await call(app, 'addStaff', { name: 'Vera Verifier' });
    const a = await bookLc(app, LC, '2026-11-23T16:30');
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    expect((await call(app, 'completeAppointment', { id: a.id, technician: 'Tom Tech', verifiedBy: 'Vera Verifier' })).appointment.status).toBe('completed');
  });
});

describe('booking where the remedy status is unknown', () => {
  test('says the status is unknown and what decides it, never "not available"', async () => {
    const app = await testApp();
    // No model or production month given: the 23LJ01 phase is not known.
    const e = await refusal(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-30T09:00' });
    expect(e.message).toBe(
      "The remedy's status is unknown for this vehicle (its phase is not known): it may not be available yet. Give the model and production month, or check the VIN on TIS; or book it only with a goodwill reason (e.g. a lost only key, an urgent need).",
    );
    expect(e.message).not.toMatch(/not available/);
    expect(e.details).toEqual([
      expect.stringMatching(/^23LJ01: remedy status unknown: .* Goodwill is offered by 23LJ01 FAQ Q13\.$/),
      'Give the model and production month with --model MODEL --produced YYYY-MM (on screen: "Model", "Production month"), or the reason with --goodwill REASON (on screen: "Goodwill reason").',
    ]);
    // With the month the phase is known (phase 1, launched): booked without goodwill.
    expect((await bookLc(app, LC, '2026-11-30T09:00')).id).toBe(1);
  });
});
