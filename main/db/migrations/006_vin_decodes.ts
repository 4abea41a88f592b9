// 006: each VIN's vPIC decode, kept once made. A decode of a new WMI and model year cost 0.4-2.5 s
// before vPIC was indexed and still costs tens of ms on the decoder's thread; kept here, the first
// lookup of a known VIN after a restart (a vehicle in stock, a returning guest) has its decode at once,
// before the decoder is even open. `source` names the vPIC data it came from: another is not trusted.
// `decoded` is the decode as JSON, NULL when vPIC does not know the VIN.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m006_vin_decodes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vin_decodes')
      .addColumn('vin', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('decoded', 'text')
      .addColumn('decoded_at', 'text', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
  },
};
