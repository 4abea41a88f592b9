// Writes an affected-VIN list: a newer list replaces the campaign's older one in the same transaction.
import { count } from '../../shared/wording';
import { markSuperseded } from './purge';
import type { ListRows } from './vinlist';
import { type ImportWriter, inChunks } from './writer';

export type VinListImport = { campaignId: number; campaignCode: string; listDate: string; complete: boolean; sourceName: string; rows: ListRows };

export function vinListWriter(p: VinListImport): ImportWriter {
  return {
    kind: 'vin-list',
    total: p.rows.vins.length,
    label: `${p.campaignCode} affected-VIN list of ${p.listDate}`,
    // The older list's rows are not cascaded here but purged after the commit (see purge.ts).
    foreignKeys: false,
    async write(conn, step, at) {
      const old = conn.prepare<[number], number>('SELECT id FROM affected_vin_lists WHERE campaign_id = ?').pluck().all(p.campaignId);
      markSuperseded(conn, old);
      conn.prepare('DELETE FROM affected_vin_lists WHERE campaign_id = ?').run(p.campaignId);
      const listId = conn
        .prepare('INSERT INTO affected_vin_lists (campaign_id, list_date, source_name, imported_at, row_count, complete) VALUES (?, ?, ?, ?, ?, ?)')
        .run(p.campaignId, p.listDate, p.sourceName, at, p.rows.vins.length, p.complete ? 1 : 0).lastInsertRowid;
      const insert = conn.prepare('INSERT INTO affected_vins (vin, list_id, phase, part_number, status) VALUES (?, ?, ?, ?, ?)');
      const { vins, phases, partNumbers, statuses } = p.rows;
      await inChunks(vins.length, step, (i) => insert.run(vins[i], listId, phases[i], partNumbers[i], statuses[i]));
    },
    doneMessage: () =>
      `${p.campaignCode}: affected-VIN list of ${p.listDate} imported, ${count(p.rows.vins.length)} VINs${p.complete ? '' : ' (partial list)'}.`,
  };
}
