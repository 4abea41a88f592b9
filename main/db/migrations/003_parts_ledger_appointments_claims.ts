// 003: the parts counter and the service lane. Campaign parts keep the bulletin's values; what the
// counter learns later is a dated amendment beside them. Stock is a ledger of movements (on hand and on
// order are derived, never stored); appointments, technicians and their courses, claims with history.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m003_parts_ledger_appointments_claims: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('part_amendments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      /** The bulletin part it amends (its number or pattern, or "#N" for an unnumbered one), or the new number. */
      .addColumn('part_key', 'text', (c) => c.notNull())
      .addColumn('part_number', 'text')
      .addColumn('description', 'text')
      .addColumn('quantity', 'integer', (c) => c.check(sql`quantity is null or quantity > 0`))
      .addColumn('mac_code', 'text', (c) => c.check(sql`mac_code is null or mac_code in ('C', 'D', 'none')`))
      .addColumn('released', 'integer')
      .addColumn('per_vin', 'integer')
      .addColumn('allocation', 'integer', (c) => c.check(sql`allocation is null or allocation >= 0`))
      /** The revision of the bulletin the amendment was made against: a newer one that states the fact wins. */
      .addColumn('bulletin_revision', 'text', (c) => c.notNull())
      .addColumn('made_by', 'text', (c) => c.notNull())
      .addColumn('made_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('part_amendments_campaign').on('part_amendments').columns(['campaign_code', 'part_key', 'id']).execute();

    await db.schema
      .createTable('stock_movements')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      /** The campaign part's number or pattern: a per-VIN part's concrete numbers share their pattern's stock. */
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('part_number', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('receive', 'order', 'use', 'return', 'count', 'reverse')`))
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
      .addColumn('vin', 'text')
      .addColumn('expected_on', 'text')
      .addColumn('ref', 'text')
      .addColumn('appointment_id', 'integer')
      .addColumn('reverses_id', 'integer', (c) => c.references('stock_movements.id'))
      .addColumn('made_by', 'text', (c) => c.notNull())
      .addColumn('made_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stock_movements_part').on('stock_movements').columns(['part', 'id']).execute();
    await db.schema
      .createIndex('stock_movements_reverses')
      .on('stock_movements')
      .column('reverses_id')
      .unique()
      .where(sql.ref('reverses_id'), 'is not', null)
      .execute();

    await db.schema
      .createTable('stocking_levels')
      .addColumn('part', 'text', (c) => c.primaryKey())
      .addColumn('level', 'integer', (c) => c.notNull().check(sql`level >= 0`))
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('technicians')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('technician_courses')
      .addColumn('technician_id', 'integer', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
      .addColumn('course', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('technician_courses_pk', ['technician_id', 'course'])
      .execute();

    await db.schema
      .createTable('appointments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('vin', 'text', (c) => c.notNull())
      /** Local date and time, YYYY-MM-DDTHH:MM: the lane's own clock. */
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'arrived', 'completed', 'no-show', 'cancelled')`))
      .addColumn('model', 'text')
      .addColumn('production_month', 'text')
      .addColumn('goodwill_reason', 'text')
      .addColumn('technician', 'text')
      .addColumn('verified_by', 'text')
      .addColumn('repair_order', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('appointments_at').on('appointments').column('at').execute();
    await db.schema
      .createTable('appointment_campaigns')
      .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointments.id').onDelete('cascade'))
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('remedy_available', 'integer', (c) => c.notNull())
      .addColumn('warning', 'text')
      .addPrimaryKeyConstraint('appointment_campaigns_pk', ['appointment_id', 'campaign_code'])
      .execute();

    await db.schema
      .createTable('claims')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
      .addColumn('vin', 'text', (c) => c.notNull())
      .addColumn('campaign_code', 'text', (c) => c.notNull())
      .addColumn('op_code', 'text')
      .addColumn('hours', 'real')
      .addColumn('repair_order', 'text')
      .addColumn('technician', 'text', (c) => c.notNull())
      .addColumn('verified_by', 'text', (c) => c.notNull())
      .addColumn('completed_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('claims_campaign').on('claims').columns(['campaign_code', 'completed_on']).execute();
    await db.schema
      .createTable('claim_history')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
      .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('op_code', 'vin')`))
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('made_by', 'text', (c) => c.notNull())
      .addColumn('made_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('claim_history_claim').on('claim_history').columns(['claim_id', 'id']).execute();
  },
};
