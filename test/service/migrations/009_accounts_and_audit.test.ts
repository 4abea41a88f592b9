// 009 from the shape before it: what was recorded stays; accounts, their settings and the audit trail
// arrive empty; an account name is unique whatever its case; a role list and a hash are required.
import { afterEach, expect, test } from 'vitest';
import { migrations } from '../../../main/db/migrations/index';
import { type MigratingDb, migratingDb, tableNames } from '../../support/migrate';

let m: MigratingDb;
afterEach(() => m.close());

const NAME = '009_accounts_and_audit';
const before = Object.keys(migrations)[Object.keys(migrations).indexOf(NAME) - 1]!;

test('009_accounts_and_audit adds accounts and the audit trail, keeping the records made before', async () => {
  m = migratingDb();
  await m.migrateTo(before);
  const s = m.sqlite;
  s.prepare(
    "INSERT INTO stock_movements (part, part_number, kind, quantity, made_by, made_at) VALUES ('04002-****', '04002-12345', 'receive', 1, 'Pat Lee', '2026-11-01T10:00:00Z')",
  ).run();

  await m.migrateTo(NAME);

  // The names typed before accounts existed stay on their records.
  expect(s.prepare('SELECT part_number, made_by FROM stock_movements').all()).toEqual([{ part_number: '04002-12345', made_by: 'Pat Lee' }]);
  expect(tableNames(s)).toEqual(expect.arrayContaining(['accounts', 'account_settings', 'audit_log']));
  for (const t of ['accounts', 'account_settings', 'audit_log']) expect(s.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  s.prepare("INSERT INTO accounts (name, roles, password_hash, created_at, updated_at) VALUES ('Pat Lee', 'parts', 'scrypt$x', 'now', 'now')").run();
  expect(() =>
    s.prepare("INSERT INTO accounts (name, roles, password_hash, created_at, updated_at) VALUES ('PAT LEE', 'admin', 'scrypt$y', 'now', 'now')").run(),
  ).toThrow(/UNIQUE/);
  expect(() => s.prepare("INSERT INTO accounts (name, roles, created_at, updated_at) VALUES ('Sam', 'parts', 'now', 'now')").run()).toThrow(/NOT NULL/);
  expect(s.prepare('SELECT active, failed_attempts, lockouts, locked_until FROM accounts').get()).toEqual({
    active: 1,
    failed_attempts: 0,
    lockouts: 0,
    locked_until: null,
  });
  // The audit trail has no column for a guest's details: who, what, when, and the record's facts.
  expect(s.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('audit_log')).toEqual(['id', 'at', 'user', 'operation', 'facts']);
});
