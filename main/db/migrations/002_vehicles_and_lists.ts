// 002: what the dealer knows about vehicles (stock, guests, service here), each vehicle's status per
// campaign, and the detail an affected-VIN list can carry.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m002_vehicles_and_lists: Migration = {
  async up(db: Kysely<any>) {
    // A complete list lets the lookup say "not on the affected list of DATE".
    await db.schema
      .alterTable('affected_vin_lists')
      .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('affected_vins').addColumn('part_number', 'text').execute();
    await db.schema.alterTable('affected_vins').addColumn('status', 'text').execute();
    await db.schema.createIndex('affected_vin_lists_campaign').on('affected_vin_lists').column('campaign_id').execute();

    await db.schema
      .createTable('vehicles')
      .addColumn('vin', 'text', (c) => c.primaryKey())
      .addColumn('model', 'text')
      .addColumn('model_year', 'integer')
      .addColumn('production_month', 'text')
      .addColumn('stock_number', 'text')
      .addColumn('condition', 'text', (c) => c.check(sql`condition in ('new', 'used', 'certified-pre-owned')`))
      .addColumn('in_stock', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('guest_name', 'text')
      .addColumn('guest_phone', 'text')
      .addColumn('guest_email', 'text')
      .addColumn('guest_address', 'text')
      .addColumn('last_service_date', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema.createIndex('vehicles_in_stock').on('vehicles').column('in_stock').where(sql.ref('in_stock'), '=', 1).execute();
    await db.schema.createIndex('vehicles_serviced').on('vehicles').column('last_service_date').where(sql.ref('last_service_date'), 'is not', null).execute();

    await db.schema
      .createTable('vehicle_campaigns')
      .addColumn('vin', 'text', (c) => c.notNull().references('vehicles.vin').onDelete('cascade'))
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'completed-here', 'completed-elsewhere', 'not-applicable')`))
      .addColumn('completed_on', 'text')
      .addColumn('repair_order', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('vehicle_campaigns_pk', ['vin', 'campaign_code'])
      .modifyEnd(sql`without rowid`)
      .execute();
  },
};
