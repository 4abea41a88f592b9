// 012: the whole stock ledger's fold kept in the file, so the first order suggestions of a process read
// one row instead of folding every movement again (50,000 movements: most of a second). One row: the
// fold's format, the last movement folded and that row as it read then, and every (part, VIN) bucket.
// It is written in the same transaction as a recorded movement (it commits or rolls back with it), and
// read only while that last row is still the same: movements are only ever added, with ids never
// reused, so the ones before it are the ones it folded; those after it are folded on top.
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m012_ledger_fold: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ledger_fold')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('format', 'integer', (c) => c.notNull())
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addColumn('last_row', 'text', (c) => c.notNull())
      .addColumn('buckets', 'text', (c) => c.notNull())
      .execute();
  },
};
