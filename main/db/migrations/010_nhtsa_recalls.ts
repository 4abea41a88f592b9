// 010: NHTSA's recall flat file, imported offline. One row a campaign (its texts and flags, which the
// file repeats on every row) and one row per campaign x make x model x model year x component (the
// vehicle rows, found by make, normalised model and year); one row per import in force (file, date,
// counts, refused rows by reason). NHTSA publishes two files (FLAT_RCL_PRE_2010 and _POST_2010): each
// is a `part`, and a newer file replaces only the rows of its own part. "What changed" learns the source kind 'nhtsa': SQLite cannot
// change a CHECK, so import_changes is copied into a new table with the wider check.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m010_nhtsa_recalls: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('nhtsa_campaigns')
      .addColumn('campaign', 'text', (c) => c.primaryKey())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('mfg_campaign', 'text')
      .addColumn('manufacturer', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('consequence', 'text', (c) => c.notNull())
      .addColumn('remedy', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('report_date', 'text')
      .addColumn('do_not_drive', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('park_outside', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('nhtsa_vehicles')
      .addColumn('make_key', 'text', (c) => c.notNull())
      .addColumn('model_key', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('campaign', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('make', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('component', 'text', (c) => c.notNull())
      .addColumn('built_from', 'text')
      .addColumn('built_to', 'text')
      .execute();
    await sql`CREATE INDEX nhtsa_vehicles_make_model_year ON nhtsa_vehicles (make_key, model_key, year)`.execute(db);
    await sql`CREATE INDEX nhtsa_vehicles_make_year ON nhtsa_vehicles (make_key, year, model)`.execute(db);
    await sql`CREATE INDEX nhtsa_campaigns_part ON nhtsa_campaigns (part)`.execute(db);
    await db.schema
      .createTable('nhtsa_import')
      .addColumn('part', 'text', (c) => c.primaryKey().check(sql`part in ('current', 'pre-2010')`))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('newest_report_date', 'text')
      .addColumn('fields', 'integer', (c) => c.notNull())
      .addColumn('rows_read', 'integer', (c) => c.notNull())
      .addColumn('rows_kept', 'integer', (c) => c.notNull())
      .addColumn('refused', 'text', (c) => c.notNull())
      .execute();

    await sql`CREATE TABLE import_changes_011 (
      id integer PRIMARY KEY AUTOINCREMENT,
      at text NOT NULL,
      by text,
      source_kind text NOT NULL CHECK (source_kind in ('bulletin', 'vin-list', 'vehicles', 'nhtsa')),
      source text NOT NULL,
      impact text NOT NULL,
      seen_at text
    )`.execute(db);
    await sql`INSERT INTO import_changes_011 (id, at, by, source_kind, source, impact, seen_at) SELECT id, at, by, source_kind, source, impact, seen_at FROM import_changes`.execute(
      db,
    );
    await sql`DROP TABLE import_changes`.execute(db);
    await sql`ALTER TABLE import_changes_011 RENAME TO import_changes`.execute(db);
    await db.schema.createIndex('import_changes_at').on('import_changes').column('at').execute();
  },
};
