// 009: staff accounts (name, roles, a salted scrypt hash, disabled rather than deleted, the lock after
// wrong passwords), the accounts' own settings (the idle sign-out time), and the audit trail: who did
// which write, when, and the facts that identify the record (never a guest's personal data).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m009_accounts_and_audit: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
      // Comma-separated, from the fixed list of roles.
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      // How many times the account was locked in a row: each lock lasts twice the one before.
      .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('account_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user', 'text')
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('facts', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  },
};
