// 014: vPIC decodes kept by family as well as by VIN. The decoder reads only some positions of a VIN of a
// WMI and model year (for nearly every family: 1-8, 10 and 11, never the serial), so a VIN never seen that
// agrees on those with one decoded has the same decode: the first lookup of a new vehicle of a known
// model needs no decoder. `vin_decode_families` holds a family's positions read ("1,2,3,4,5,6,7,8,10,11"),
// `vin_family_decodes` a decode by family, positions and the VIN's characters there; `source` as in 006.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m014_vin_decode_families: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vin_decode_families')
      .addColumn('family', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('positions', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema
      .createTable('vin_family_decodes')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('decoded', 'text')
      .addColumn('decoded_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
  },
};
