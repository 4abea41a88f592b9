// 004 from the 003 shape: vehicles and their statuses stay as they were; settings, staff and the forms
// log arrive empty, and the log refuses a kind it does not know.
import { afterEach, expect, test } from 'vitest';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

test('004_settings_and_forms adds settings, staff and the forms log, keeping vehicles', async () => {
  m = migratingDb();
  await m.migrateTo('003_parts_ledger_appointments_claims');
  const s = m.sqlite;
  s.prepare("INSERT INTO vehicles (vin, model, in_stock, guest_name, updated_at) VALUES ('JTHKPAAY4PA001234', 'LC', 1, 'Ann Example', 'then')").run();

  await m.migrateTo('004_settings_and_forms');

  expect(s.prepare('SELECT vin, model, in_stock, guest_name FROM vehicles').all()).toEqual([
    { vin: 'JTHKPAAY4PA001234', model: 'LC', in_stock: 1, guest_name: 'Ann Example' },
  ]);
  expect(tableNames(s)).toEqual(expect.arrayContaining(['settings', 'staff', 'forms_log']));
  for (const t of ['settings', 'staff', 'forms_log']) expect(s.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  // The log has no column for guest data: who printed what, for which VIN, when.
  expect(s.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('forms_log')).toEqual([
    'id',
    'kind',
    'campaign_code',
    'vin',
    'staff',
    'printed_at',
  ]);
  expect(() => s.prepare("INSERT INTO forms_log (kind, campaign_code, printed_at) VALUES ('memo', '23LJ01', 'now')").run()).toThrow(/CHECK constraint/);
  s.prepare("INSERT INTO staff (name, added_at) VALUES ('Ann Advisor', 'now')").run();
  expect(() => s.prepare("INSERT INTO staff (name, added_at) VALUES ('ann advisor', 'now')").run()).toThrow(/UNIQUE/);
});
