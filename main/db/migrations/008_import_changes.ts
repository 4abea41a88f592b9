// 008: "What changed": every applied import (a bulletin, an affected-VIN list, a DMS file) with when,
// who (null until the person is known), what it was (source, JSON) and its impact (JSON: holds added
// and released, remedy now available, VINs confirmed or no longer listed, follow-up rows, part
// demand). seen_at: when the list was looked at (the top bar counts the unseen). The impact holds
// VINs, stock numbers and models, never a guest's details: the call list reads those when exported.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m008_import_changes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('import_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text')
      .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('bulletin', 'vin-list', 'vehicles')`))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text')
      .execute();
    await db.schema.createIndex('import_changes_at').on('import_changes').column('at').execute();
  },
};
