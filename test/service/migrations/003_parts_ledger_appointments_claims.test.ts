// 003 from the 002 shape: a library, vehicles and statuses stay as they were; the parts, ledger,
// appointment, technician and claim tables arrive empty and refuse rows that make no sense.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('003_parts_ledger_appointments_claims keeps vehicles and adds the ledger, appointments and claims', async () => {
  m = migratingDb();
  await m.migrateTo('002_vehicles_and_lists');
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at) VALUES ('23LJ01', 'service-campaign', 'Second Key', '2024-02-01', 'R', 'built-in', '{}', 'then')",
  ).run();
  s.prepare("INSERT INTO vehicles (vin, model, in_stock, updated_at) VALUES ('JTHKPAAY4PA001234', 'LC', 1, 'then')").run();
  s.prepare("INSERT INTO vehicle_campaigns (vin, campaign_code, status, updated_at) VALUES ('JTHKPAAY4PA001234', '23LJ01', 'open', 'then')").run();

  await m.migrateTo('003_parts_ledger_appointments_claims');

  expect(s.prepare('SELECT vin, model, in_stock FROM vehicles').all()).toEqual([{ vin: 'JTHKPAAY4PA001234', model: 'LC', in_stock: 1 }]);
  expect(s.prepare('SELECT status FROM vehicle_campaigns').pluck().all()).toEqual(['open']);
  expect(tableNames(s)).toEqual(
    expect.arrayContaining([
      'part_amendments',
      'stock_movements',
      'stocking_levels',
      'technicians',
      'technician_courses',
      'appointments',
      'appointment_campaigns',
      'claims',
      'claim_history',
    ]),
  );
  for (const t of ['part_amendments', 'stock_movements', 'appointments', 'claims']) expect(s.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);

  const move = s.prepare("INSERT INTO stock_movements (part, part_number, kind, quantity, made_by, made_at) VALUES ('P', 'P', ?, ?, 'Pat', 'now')");
  expect(() => move.run('steal', 1)).toThrow(/CHECK constraint/);
  expect(() => move.run('receive', -1)).toThrow(/CHECK constraint/);
  move.run('receive', 2);
  const reverse = s.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, reverses_id, made_by, made_at) VALUES ('P', 'P', 'reverse', 2, 1, 'Pat', 'now')",
  );
  reverse.run();
  expect(() => reverse.run()).toThrow(/UNIQUE constraint/); // a movement is reversed once
  expect(() =>
    s.prepare("INSERT INTO appointments (vin, at, status, created_at, updated_at) VALUES ('V', '2026-11-30T09:00', 'done', 'now', 'now')").run(),
  ).toThrow(/CHECK constraint/);
  s.prepare("INSERT INTO technicians (name, added_at) VALUES ('Dana Kim', 'now')").run();
  expect(() => s.prepare("INSERT INTO technicians (name, added_at) VALUES ('dana kim', 'now')").run()).toThrow(/UNIQUE constraint/);
  expect(() => s.prepare("INSERT INTO claim_history (claim_id, field, reason, made_by, made_at) VALUES (1, 'op_code', 'x', 'Pat', 'now')").run()).toThrow(
    /FOREIGN KEY constraint/,
  );
});
