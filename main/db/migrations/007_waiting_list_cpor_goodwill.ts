// 007: the service lane's waiting list (vehicles whose remedy does not exist yet: call the guest when it
// arrives), the CPOR reference a parts person enters once an accepted CPOR request is placed in Service
// Lane (until then the request is "to place"), and the goodwill reason on a claim (the claim of work
// booked as goodwill is marked so). And a counter of changes to what a stock vehicle's lookup depends on
// (the vehicles, their campaign statuses, the affected-VIN lists), so order suggestions keep the lookups
// of 20,000 stock vehicles until one of those changes instead of redoing them on every call.
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m007_waiting_list_cpor_goodwill: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('waiting_list')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('vin', 'text', (c) => c.notNull())
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      /** Set when the guest was called (or the vehicle booked): the entry then leaves the list. */
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema
      .createIndex('waiting_list_open')
      .on('waiting_list')
      .columns(['vin', 'campaign_code'])
      .unique()
      .where(sql.ref('closed_at'), 'is', null)
      .execute();
    await db.schema
      .createTable('cpor_references')
      .addColumn('movement_id', 'integer', (c) => c.primaryKey().references('stock_movements.id'))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('claims').addColumn('goodwill_reason', 'text').execute();
    await db.schema
      .createTable('change_counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`INSERT INTO change_counters (name, n) VALUES ('stock-lookups', 0)`.execute(db);
    for (const table of ['vehicles', 'vehicle_campaigns', 'affected_vin_lists'])
      for (const event of ['INSERT', 'UPDATE', 'DELETE'])
        await sql
          .raw(
            `CREATE TRIGGER ${table}_${event.toLowerCase()}_counts AFTER ${event} ON ${table}
             BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'stock-lookups'; END`,
          )
          .execute(db);
  },
};
