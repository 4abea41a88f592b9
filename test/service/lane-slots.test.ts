// The free slots of a day for booking (issue 16: "the free slots of the day (flat-rate hours booked
// against the technicians' hours)"): the technicians on the roster, each available for the opening hours
// set in Settings; each appointment of the day holds one technician from its time for its flat-rate
// hours; a slot is free where a technician is free for the whole work asked, before closing. Real SQLite
// files; the clock is 2026-11-23 12:00 UTC (the counter's own time zone is the process's).
import { describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { call, LC, LC2, LC3, refusal } from '../support/lane';
import { testApp } from '../support/tempdb';

const DAY = '2026-11-25';

/** Three 2023 LCs on the 23LJ01 list (phase 1: remedy available; 0.4 h flat rate each). */
async function lane(app: App, technicians: string[], hours: { opens: string; closes: string } | null) {
  const content = ['VIN,Phase,Part Number,Status', `${LC},1,,Open`, `${LC2},1,,Open`, `${LC3},1,,Open`].join('\r\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: false });
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
  for (const name of technicians) await call(app, 'addTechnician', { name, courses: [], otherCourses: [] });
  if (hours) await call(app, 'saveSettings', { openingHours: hours });
}
const book = (app: App, vin: string, at: string) => call(app, 'bookAppointment', { vin, campaigns: ['23LJ01'], at });
const free = (s: { slots: { at: string; free: number }[] }) => s.slots.map((x) => `${x.at.slice(11)}:${x.free}`);

describe('the free slots of a day', () => {
  test("the technicians' hours less the flat-rate hours booked; the work asked must fit before closing", async () => {
    const app = await testApp();
    await lane(app, ['Dana Kim', 'Lee Park'], { opens: '08:00', closes: '11:00' });
    await book(app, LC, `${DAY}T09:00`);
    await book(app, LC2, `${DAY}T09:00`);
    await book(app, LC3, `${DAY}T10:00`);

    const s = await call(app, 'freeSlots', { date: DAY });
    expect(s).toMatchObject({
      date: DAY,
      opening: { opens: '08:00', closes: '11:00' },
      technicians: 2,
      slotMinutes: 30,
      capacityHours: 6,
      bookedHours: 1.2,
      freeHours: 4.8,
      needHours: 0.5,
      full: false,
      note: null,
    });
    // 09:00-09:24 holds both technicians; 10:00-10:24 one of them.
    expect(free(s)).toEqual(['08:00:2', '08:30:2', '09:30:2', '10:00:1', '10:30:2']);

    // An hour's work: it must not run into 09:00 with both busy, and must end by 11:00.
    expect(free(await call(app, 'freeSlots', { date: DAY, hours: 1 }))).toEqual(['08:00:2', '09:30:1', '10:00:1']);
    // Cancelled work frees its technician.
    const [first] = (await call(app, 'listAppointments', { from: DAY, to: DAY })).appointments;
    await call(app, 'setAppointmentStatus', { id: first!.id, status: 'cancelled' });
    expect(free(await call(app, 'freeSlots', { date: DAY, hours: 1 }))).toEqual(['08:00:2', '08:30:1', '09:00:1', '09:30:1', '10:00:1']);
  });

  test('a full day says so', async () => {
    const app = await testApp();
    await lane(app, ['Dana Kim'], { opens: '08:00', closes: '09:00' });
    await book(app, LC, `${DAY}T08:00`);
    await book(app, LC2, `${DAY}T08:30`);
    const s = await call(app, 'freeSlots', { date: DAY });
    expect([s.full, s.slots, s.bookedHours, s.capacityHours]).toEqual([true, [], 0.8, 1]);
    expect(s.note).toBe(`${DAY} is full: no technician is free for 0.5 h between 08:00 and 09:00 (1 technician, 0.8 h of 1 h booked). Choose another day.`);
  });

  test('no opening hours set, no technicians, a day gone: each says what to do', async () => {
    const app = await testApp();
    await lane(app, [], null);
    const none = await call(app, 'freeSlots', { date: DAY });
    expect([none.slots, none.full, none.note]).toEqual([
      [],
      false,
      'No opening hours are set: set them in Settings (recall-desk settings hours 07:30-18:00) to see the free slots of a day.',
    ]);
    await call(app, 'saveSettings', { openingHours: { opens: '08:00', closes: '17:00' } });
    expect((await call(app, 'freeSlots', { date: DAY })).note).toBe(
      'No technician is on the roster: add them under Technicians (recall-desk techs add NAME) to see the free slots of a day.',
    );
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: [], otherCourses: [] });
    const past = await call(app, 'freeSlots', { date: '2026-11-20' });
    expect([past.slots, past.note]).toEqual([[], '2026-11-20 is past: book a day to come.']);
    // Today: only the slots still to come (the clock is 12:00 in UTC; the counter's own time).
    const today = await call(app, 'freeSlots', { date: '2026-11-23' });
    const now = new Date('2026-11-23T12:00:00Z');
    const nowText = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    expect(today.slots.every((x) => x.at.slice(11) >= nowText)).toBe(true);
    expect((await refusal(app, 'freeSlots', { date: '2026-02-30' })).code).toBe('invalid-input');
  });
});
