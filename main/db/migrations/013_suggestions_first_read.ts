// 013: what the first order suggestions of a process read, kept where it reads fast.
// - The vehicles in stock in the order the suggestions list them (stock number, then VIN), with every column
//   their stock step reads: that step reads the whole stock (20,000 vehicles: a seek of vehicles_in_stock,
//   a read of the table per vehicle, then a sort of them all); it now walks this index alone, already in
//   order. Only vehicles in stock are in it (a partial index).
// - Each campaign's parts and revision date as the parts catalog reads them, beside the campaign
//   (campaign_part_facts): the catalog read every bulletin document whole (1,000 documents: the parts are a
//   few hundred bytes of each) to take them out. Triggers keep it what the document says, whoever writes it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** What the catalog reads of a document: its revision date and its parts, as one JSON array. */
const FACTS = "json_extract(document, '$.revisionDate', '$.parts')";

export const m013_suggestions_first_read: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX vehicles_stock_order ON vehicles (stock_number, vin, model, production_month, condition, last_service_date) WHERE in_stock = 1`.execute(
      db,
    );
    await sql`CREATE TABLE campaign_part_facts (campaign_id INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE, facts TEXT NOT NULL)`.execute(db);
    await sql.raw(`INSERT INTO campaign_part_facts (campaign_id, facts) SELECT id, ${FACTS} FROM campaigns`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER campaign_part_facts_insert AFTER INSERT ON campaigns
         BEGIN INSERT INTO campaign_part_facts (campaign_id, facts) VALUES (NEW.id, ${FACTS.replace('document', 'NEW.document')}); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER campaign_part_facts_update AFTER UPDATE OF id, document ON campaigns
         BEGIN
           DELETE FROM campaign_part_facts WHERE campaign_id = OLD.id;
           INSERT INTO campaign_part_facts (campaign_id, facts) VALUES (NEW.id, ${FACTS.replace('document', 'NEW.document')});
         END`,
      )
      .execute(db);
    await sql
      .raw('CREATE TRIGGER campaign_part_facts_delete AFTER DELETE ON campaigns BEGIN DELETE FROM campaign_part_facts WHERE campaign_id = OLD.id; END')
      .execute(db);
  },
};
