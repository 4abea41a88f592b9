// 005: affected_vins loses its index on list_id. Every list written had to update that second b-tree
// beside the table's own key (vin, list_id): a 5M-row list took about a third longer to import, and
// its purge deleted from both. Only the purge looked rows up by list; it now walks the table in VIN
// order instead (main/imports/purge.ts). The lookup seeks the primary key by VIN, as before.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m005_affected_vins_without_list_index: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('affected_vins_list').ifExists().execute();
  },
};
