// 015 from the 014 shape: the lane's open work (booked, arrived) is found without reading its history.
// A dealership keeps years of completed, no-show and cancelled appointments; the order suggestions, the
// follow-up list, the change impact and every booking ask only for open ones, by time or by VIN.
import { afterEach, expect, test } from 'vitest';
import { DEMAND_SQL, OPEN_FOR_VIN_SQL, OVERDUE_SQL } from '../../../main/appointments/store';
import { type MigratingDb, migratingDb } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

const plan = (m: MigratingDb, q: string, ...args: unknown[]) =>
  (m.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...args) as { detail: string }[]).map((p) => p.detail);

test('015_open_appointments: open work is sought by status and time, or by VIN, never by walking the past', async () => {
  m = migratingDb();
  await m.migrateTo('014_vin_decode_families');
  const s = m.sqlite;
  const add = s.prepare("INSERT INTO appointments (vin, at, status, created_at, updated_at) VALUES (?, ?, ?, 'then', 'then')");
  const campaign = s.prepare("INSERT INTO appointment_campaigns (appointment_id, campaign_code, remedy_available) VALUES (?, 'BLC', 1)");
  for (const [vin, at, status] of [
    ['JTHBE96S170007930', '2024-03-01T09:00', 'completed'],
    ['JTHBE96S170007930', '2026-12-08T09:00', 'booked'],
    ['JTHKPAAY4PA001234', '2026-12-07T10:00', 'arrived'],
  ] as const)
    campaign.run(add.run(vin, at, status).lastInsertRowid);
  const demand = () => s.prepare(DEMAND_SQL).raw(true).all({ from: '2026-12-07', until: '2026-12-22' }) as unknown[][];
  const before = demand();
  expect(plan(m, DEMAND_SQL, { from: '2026-12-07', until: '2026-12-22' }).join('\n')).not.toMatch(/appointments_status_at/);

  await m.migrateTo('015_open_appointments');

  expect(demand()).toEqual(before);
  expect(before.map((r) => r[1])).toEqual(['JTHKPAAY4PA001234', 'JTHBE96S170007930']);
  // Each status a range of its own in the new index (SQLite may then sort the few rows found).
  for (const p of [plan(m, DEMAND_SQL, { from: '2026-12-07', until: '2026-12-22' }), plan(m, OVERDUE_SQL, '2026-12-07')]) {
    expect(p).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH a USING (COVERING )?INDEX appointments_status_at \(status=\? AND at<\?\)$/)]));
    expect(p.join('\n')).not.toMatch(/SCAN a\b/);
  }
  const forVin = plan(m, OPEN_FOR_VIN_SQL, 'JTHBE96S170007930', 0);
  expect(forVin).toEqual(
    expect.arrayContaining([expect.stringMatching(/^SEARCH a USING (COVERING )?INDEX appointments_vin_status \(vin=\? AND status=\?\)$/)]),
  );
});
