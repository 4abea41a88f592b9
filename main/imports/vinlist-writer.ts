// Writes an affected-VIN list: a newer list replaces the campaign's older one in the same transaction.
import { count } from '../../shared/wording';
import { markSuperseded } from './purge';
import { type ListChunk, type StagedList, VIN_BYTES, vinAt } from './vinlist-stage';
import type BetterSqlite3 from 'better-sqlite3';
import type { ImportWriter } from './writer';

/**
 * Rows per INSERT statement with detail columns. One run() per row spent about half the import
 * crossing from JS into SQLite and back; a statement of many rows crosses once. 500 rows of 4 values
 * stay well under SQLite's limit of 32,766 bound values.
 */
const ROWS_PER_INSERT = 500;

/** Inserts one staged chunk of a list (CHUNK rows at most, in VIN order): the returned function is called once per chunk. */
function listInserter(conn: BetterSqlite3.Database, listId: number, hasDetails: boolean): (chunk: ListChunk) => void {
  if (!hasDetails) {
    // Most lists are VINs alone. A staged chunk holds its VINs as one buffer of 17-byte VINs
    // (vinlist-stage.ts): it is bound as one blob, which SQLite cuts back into 17-character texts. One
    // bound value per chunk instead of one per row, which was a third of the time of a 5M-row list even
    // in 500-row statements. list_id is the integer SQLite just gave the list, written into the SQL.
    const insert = conn.prepare<{ vins: Buffer }>(
      `WITH RECURSIVE at(i) AS (SELECT 0 UNION ALL SELECT i + ${VIN_BYTES} FROM at WHERE i + ${VIN_BYTES} < length(@vins))
       INSERT INTO affected_vins (vin, list_id) SELECT CAST(substr(@vins, i + 1, ${VIN_BYTES}) AS TEXT), ${listId} FROM at`,
    );
    return (chunk) => insert.run({ vins: chunk.vins });
  }
  const statements = new Map<number, BetterSqlite3.Statement>();
  const insert = (n: number) => {
    let s = statements.get(n);
    if (!s) {
      s = conn.prepare(`INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES ${Array(n).fill(`(?, ${listId}, ?, ?, ?)`).join(', ')}`);
      statements.set(n, s);
    }
    return s;
  };
  return (chunk) => {
    const { phases, partNumbers, statuses } = chunk;
    for (let i = 0; i < chunk.count; i += ROWS_PER_INSERT) {
      const to = Math.min(chunk.count, i + ROWS_PER_INSERT);
      const values: (string | null)[] = [];
      for (let k = i; k < to; k++) values.push(vinAt(chunk, k), phases?.[k] ?? null, partNumbers?.[k] ?? null, statuses?.[k] ?? null);
      insert(to - i).run(values);
    }
  };
}

export type VinListImport = { campaignId: number; campaignCode: string; listDate: string; complete: boolean; sourceName: string; rows: StagedList };

export function vinListWriter(p: VinListImport): ImportWriter {
  return {
    kind: 'vin-list',
    total: p.rows.count,
    label: `${p.campaignCode} affected-VIN list of ${p.listDate}`,
    // The older list's rows are not cascaded here but purged after the commit (see purge.ts).
    foreignKeys: false,
    async write(conn, step, at) {
      const old = conn.prepare<[number], number>('SELECT id FROM affected_vin_lists WHERE campaign_id = ?').pluck().all(p.campaignId);
      markSuperseded(conn, old);
      conn.prepare('DELETE FROM affected_vin_lists WHERE campaign_id = ?').run(p.campaignId);
      const listId = conn
        .prepare('INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count, complete) VALUES (?, ?, ?, ?, ?, ?)')
        .run(p.campaignId, p.listDate, p.sourceName, at, p.rows.count, p.complete ? 1 : 0).lastInsertRowid;
      // The staged chunks, one at a time, in VIN order: the inserts walk the table's key in order.
      const insert = listInserter(conn, Number(listId), p.rows.hasDetails);
      for (const chunk of p.rows.chunks()) {
        insert(chunk);
        await step(chunk.count);
      }
    },
    source: () => ({
      kind: 'vin-list',
      fileName: p.sourceName,
      campaign: p.campaignCode,
      listDate: p.listDate,
      complete: p.complete,
      rows: p.rows.count,
    }),
    dispose: () => p.rows.dispose(),
    doneMessage: () => `${p.campaignCode}: affected-VIN list of ${p.listDate} imported, ${count(p.rows.count)} VINs${p.complete ? '' : ' (partial list)'}.`,
  };
}
