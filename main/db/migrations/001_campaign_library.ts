// 001: the campaign library, its matching rules, and affected-VIN lists (confirmed answers).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m001_campaign_library: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('campaigns')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('revision_date', 'text', (c) => c.notNull())
      .addColumn('revision_label', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('built-in', 'imported')`))
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('loaded_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('campaign_revisions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('revision_date', 'text', (c) => c.notNull())
      .addColumn('revision_label', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('loaded_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('campaign_revisions_code_date', ['campaign_code', 'revision_date'])
      .execute();

    await db.schema
      .createTable('vin_range_rules')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('wmi', 'text', (c) => c.notNull())
      .addColumn('vds', 'text', (c) => c.notNull())
      .addColumn('year_code', 'text', (c) => c.notNull())
      .addColumn('serial_from', 'text', (c) => c.notNull())
      .addColumn('serial_to', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('model_year', 'integer', (c) => c.notNull())
      .addColumn('phase', 'text')
      .execute();
    // The lookup seeks on the VIN's WMI, VDS and year code, then scans serial_from <= serial.
    await db.schema.createIndex('vin_range_rules_lookup').on('vin_range_rules').columns(['wmi', 'vds', 'year_code', 'serial_from']).execute();
    await db.schema.createIndex('vin_range_rules_campaign').on('vin_range_rules').column('campaign_id').execute();

    await db.schema
      .createTable('model_window_rules')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('window_id', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('model_key', 'text', (c) => c.notNull())
      .addColumn('model_year', 'integer', (c) => c.notNull())
      .addColumn('built_in', 'text')
      .addColumn('produced_from', 'text')
      .addColumn('produced_to', 'text')
      .addColumn('phase', 'text')
      .execute();
    await db.schema.createIndex('model_window_rules_year').on('model_window_rules').column('model_year').execute();
    await db.schema.createIndex('model_window_rules_campaign').on('model_window_rules').column('campaign_id').execute();

    await db.schema
      .createTable('affected_vin_lists')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('list_date', 'text', (c) => c.notNull())
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('row_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('affected_vins')
      .addColumn('vin', 'text', (c) => c.notNull())
      .addColumn('list_id', 'integer', (c) => c.notNull().references('affected_vin_lists.id').onDelete('cascade'))
      .addColumn('phase', 'text')
      .addPrimaryKeyConstraint('affected_vins_pk', ['vin', 'list_id'])
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema.createIndex('affected_vins_list').on('affected_vins').column('list_id').execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
