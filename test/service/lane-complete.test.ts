// Completing the work (issue 16): the verifier is a known person (staff list or technicians roster,
// never free text), a goodwill claim is marked as goodwill, and `check` reads "completed here".
// Real SQLite files; the clock is 2026-11-23 12:00 UTC.
import { describe, expect, test } from 'vitest';
import { formatClaims } from '../../main/claims/format';
import { claimRows } from '../../main/forms/sources';
import { formatCheckLine } from '../../main/lookup/format';
import { claimsHtml } from '../../shared/forms/lists';
import { call, LC, refusal, TRAINED } from '../support/lane';
import { testApp } from '../support/tempdb';

describe('completing the work', () => {
  test('the verifier must be on the staff list or the technicians roster', async () => {
    const app = await testApp();
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    const a = await call(app, 'bookAppointment', { vin: LC, campaigns: ['23LJ01'], at: '2026-11-23T13:00', model: 'LC', productionMonth: '2022-12' });
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    const e = await refusal(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Somebody' });
    expect([e.code, e.message]).toEqual([
      'invalid-input',
      '"Somebody" is not a known person: the verifier is chosen from the staff list (Settings) or the technicians roster.',
    ]);
    await call(app, 'addStaff', { name: 'Sam Service' });
    const done = await call(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'sam service', repairOrder: 'RO-1' });
    expect(done.appointment.verifiedBy).toBe('Sam Service');
    // The key that went in is the one received for the VIN, and the completion says so, not the pattern.
    expect(done.partsUsed).toEqual([{ part: '04002-12345', quantity: 1, vin: LC }]);
  });

  test('a claim of work booked as goodwill is marked as goodwill; check reads "completed here"', async () => {
    const app = await testApp();
    await call(app, 'addTechnician', { name: 'Dana Kim', courses: TRAINED });
    await call(app, 'addTechnician', { name: 'Lee Park', courses: [] });
    // Produced 2022-11: the phase is not stated, so the remedy is not known to be available: goodwill (FAQ Q13).
    const a = await call(app, 'bookAppointment', {
      vin: LC,
      campaigns: ['23LJ01'],
      at: '2026-11-23T13:00',
      model: 'LC',
      productionMonth: '2022-11',
      goodwill: 'lost the only key',
    });
    await call(app, 'recordMovement', { kind: 'receive', part: '04002-12345', quantity: 1, vin: LC, by: 'Pat' });
    await call(app, 'completeAppointment', { id: a.id, technician: 'Dana Kim', verifiedBy: 'Lee Park', repairOrder: 'RO-2' });
    const [claim] = (await call(app, 'listClaims', {})).claims;
    expect(claim!.goodwill).toBe('lost the only key (23LJ01 FAQ Q13)');
    // Marked where a person reads the claims: the terminal's list and the printed one (the screen: e2e claims).
    expect(formatClaims([claim!]).split('\n')[1]).toBe('  Goodwill: lost the only key (23LJ01 FAQ Q13)');
    const printed = claimsHtml(claimRows(app), { dealerName: 'Lexus of Testville', date: '2026-11-23', paper: 'letter' });
    expect(printed).toContain('Goodwill: lost the only key (23LJ01 FAQ Q13)');
    const r = await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-11' });
    expect(formatCheckLine(r)).toBe(`${LC}  2023  23LJ01:completed here 2026-11-23`);
  });
});

describe('courses chosen from the list', () => {
  test('a course is one the library requires (spelled as the bulletin spells it) or the dealer’s own, never a near miss', async () => {
    const app = await testApp();
    const { courses } = await call(app, 'listTechnicians', {});
    expect(courses).toEqual([
      { name: 'Safety Recall and Service Campaign Essentials', requiredBy: ['23LJ01'] },
      { name: 'LIC206A - Electrical Repair 1', requiredBy: ['23LJ01'] },
    ]);
    const missed = await refusal(app, 'addTechnician', { name: 'Dana Kim', courses: ['Safety Recall Essentials'] });
    expect(missed.message).toMatch(/^"Safety Recall Essentials" is not a course the library's bulletins require or one recorded here: choose from the list/);
    // Any case and spacing of a listed course is the listed course.
    const t = await call(app, 'addTechnician', {
      name: 'Dana Kim',
      courses: ['safety recall and  service campaign essentials'],
      otherCourses: ['Hybrid safety (dealer)'],
    });
    expect(t.courses.sort()).toEqual(['Hybrid safety (dealer)', 'Safety Recall and Service Campaign Essentials']);
    expect((await call(app, 'listTechnicians', {})).courses.map((c) => c.name)).toContain('Hybrid safety (dealer)');
  });
});
