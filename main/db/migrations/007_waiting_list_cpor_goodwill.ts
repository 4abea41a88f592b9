// 007: the service lane's waiting list (vehicles whose remedy does not exist yet: call the guest when it
// arrives), the CPOR reference a parts person enters once an accepted CPOR request is placed in Service
// Lane (until then the request is "to place"), and the goodwill reason on a claim (the claim of work
// booked as goodwill is marked so).
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
  },
};
