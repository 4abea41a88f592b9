// 004: the dealer's settings (details printed on forms, staff names, paper size) and the forms log:
// which document was printed for which vehicle, by whom and when. The log holds no guest data: the
// guest's details are printed on the form, never stored with it.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m004_settings_and_forms: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema
      .createTable('staff')
      .addColumn('name', 'text', (c) => c.primaryKey().modifyEnd(sql`collate nocase`))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema
      .createTable('forms_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('disclosure', 'owner-letter', 'faq')`))
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('vin', 'text')
      .addColumn('staff', 'text')
      .addColumn('printed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('forms_log_vin').on('forms_log').columns(['vin', 'printed_at']).execute();
  },
};
