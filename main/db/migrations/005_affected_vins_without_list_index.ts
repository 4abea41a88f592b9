// 005: affected_vins loses its index on list_id. Every list written had to update that second b-tree
// beside the table's own key (vin, list_id): replacing a 5M-row list, the commit took 1.6 times as
// long with it, and the purge (deleting from both) three times as long. Only the purge looked rows up
// by list; it now walks the table in VIN order instead (main/imports/purge.ts). The lookup seeks the
// primary key by VIN, as before. A key (list_id, vin) with an index on vin was slower than either.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m005_affected_vins_without_list_index: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('affected_vins_list').ifExists().execute();
  },
};
