// The NHTSA import: read once for the preview (counts only, nothing kept in memory), then read again
// inside the import job's transaction, writing as it reads. A file replaces the rows of its own part
// (NHTSA publishes FLAT_RCL_POST_2010 and FLAT_RCL_PRE_2010), all-or-nothing: Cancel, an error or a
// dry run (the impact preview) leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../shared/contract';
import type { NhtsaImportInForce, NhtsaPart, NhtsaPreview } from '../../shared/nhtsa/contract';
import { count } from '../../shared/wording';
import type { Db } from '../db/open';
import type { ImportWriter } from '../imports/writer';
import { nhtsaKey, NotNhtsaLayout, type ReadCounts, readRcl, REFUSAL, type Refusal } from './parse';

/** Older than this, the library warns that NHTSA's file should be downloaded again. */
export const STALE_DAYS = 30;

/**
 * Which of NHTSA's two files this is. NHTSA splits its history by report date (RCDATE): every report in
 * FLAT_RCL_PRE_2010 is from before 2010. So the name says it, or, for a renamed file, its newest report.
 */
export const partOf = (fileName: string, newestReportDate: string | null): NhtsaPart =>
  /PRE[_ -]?2010/i.test(fileName) || (newestReportDate !== null && newestReportDate < '2010-01-01') ? 'pre-2010' : 'current';

export const refusedList = (refused: ReadCounts['refused']) =>
  (Object.entries(refused) as [Refusal, number][]).map(([reason, n]) => ({ reason, text: REFUSAL[reason], count: n })).sort((a, b) => b.count - a.count);

type ImportRow = {
  part: NhtsaPart;
  file_name: string;
  imported_at: string;
  newest_report_date: string | null;
  rows_read: number;
  rows_kept: number;
  refused: string;
};

export function importsInForce(db: Db | BetterSqlite3.Database, now: Date): NhtsaImportInForce[] {
  const conn = 'sqlite' in db ? db.sqlite : db;
  const rows = conn
    .prepare<[], ImportRow>('SELECT part, file_name, imported_at, newest_report_date, rows_read, rows_kept, refused FROM nhtsa_import ORDER BY part')
    .all();
  return rows.map((r) => {
    const ageDays = Math.max(0, Math.floor((now.getTime() - Date.parse(r.imported_at)) / 86_400_000));
    return {
      part: r.part,
      fileName: r.file_name,
      importedAt: r.imported_at,
      newestReportDate: r.newest_report_date,
      rowsRead: r.rows_read,
      rowsKept: r.rows_kept,
      refused: refusedList(JSON.parse(r.refused) as ReadCounts['refused']),
      ageDays,
      stale: ageDays > STALE_DAYS,
    };
  });
}

/** Reads the file for its preview: counts and refusals; a file not in NHTSA's layout is an invalid-input error. */
export async function readForPreview(file: string, fileName = path.basename(file)): Promise<{ counts: ReadCounts; stat: fs.Stats }> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new ApiError('invalid-input', `Cannot read ${file}: no such file.`, []);
  if (!stat.isFile()) throw new ApiError('invalid-input', `Cannot read ${file}: it is not a file.`, []);
  try {
    return { counts: await readRcl(file, fileName, {}), stat };
  } catch (err) {
    if (err instanceof NotNhtsaLayout) throw new ApiError('invalid-input', err.message, []);
    throw err;
  }
}

export function previewOf(importId: string, fileName: string, counts: ReadCounts, replaces: NhtsaImportInForce | null): NhtsaPreview {
  return {
    importId,
    fileName,
    part: partOf(fileName, counts.newestReportDate),
    fields: counts.fields,
    rowsRead: counts.rowsRead,
    kept: counts.kept,
    rejoined: counts.rejoined,
    refused: refusedList(counts.refused),
    newestReportDate: counts.newestReportDate,
    replaces,
    olderThanInForce: !!(replaces?.newestReportDate && (counts.newestReportDate ?? '') < replaces.newestReportDate),
  };
}

/**
 * The import job's writer: the file read again, its rows written as they are read. `fileName`: the name
 * the person knows it by (an uploaded file's own name); `dispose`: what to do with the file once its
 * import is over or its preview dropped (an uploaded file is removed).
 */
export function nhtsaWriter(file: string, fileName: string, stat: fs.Stats, counts: ReadCounts, dispose?: () => void): ImportWriter {
  const part = partOf(fileName, counts.newestReportDate);
  let written: ReadCounts | null = null;
  return {
    kind: 'nhtsa',
    total: counts.rowsRead,
    ...(dispose ? { dispose } : {}),
    label: `NHTSA recall file ${fileName}`,
    async write(conn, step, at) {
      const now = fs.statSync(file, { throwIfNoEntry: false });
      if (!now || now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) {
        throw new Error(`${fileName} changed since it was read: read it again.`);
      }
      conn.prepare('DELETE FROM nhtsa_vehicles WHERE part = ?').run(part);
      conn.prepare('DELETE FROM nhtsa_campaigns WHERE part = ?').run(part);
      // Indexes rebuilt once at the end: faster than kept up row by row, and inside the same transaction.
      // Two indexes: the lookup's seek (make, model key, year) and, when no model matched, the models of
      // a make and year (covering). The part's rows are deleted once an import by reading the table.
      conn.exec('DROP INDEX nhtsa_vehicles_make_model_year; DROP INDEX nhtsa_vehicles_make_year;');
      const vehicle = conn.prepare(
        'INSERT INTO nhtsa_vehicles (make_key, model_key, year, campaign, part, make, model, component, built_from, built_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const campaign = conn.prepare(
        `INSERT INTO nhtsa_campaigns (campaign, part, mfg_campaign, manufacturer, summary, consequence, remedy, notes, report_date, do_not_drive, park_outside)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (campaign) DO UPDATE SET do_not_drive = max(do_not_drive, excluded.do_not_drive), park_outside = max(park_outside, excluded.park_outside)`,
      );
      const seen = new Set<string>();
      let last = 0;
      written = await readRcl(file, fileName, {
        row: (r) => {
          vehicle.run(nhtsaKey(r.make), nhtsaKey(r.model), r.year, r.campaign, part, r.make, r.model, r.component, r.builtFrom, r.builtTo);
          // The file repeats a campaign's texts on each of its rows: kept once (flags: any row's).
          if (!seen.has(r.campaign) || r.doNotDrive || r.parkOutside) {
            seen.add(r.campaign);
            campaign.run(
              r.campaign,
              part,
              r.mfgCampaign,
              r.manufacturer,
              r.summary,
              r.consequence,
              r.remedy,
              r.notes,
              r.reportDate,
              r.doNotDrive ? 1 : 0,
              r.parkOutside ? 1 : 0,
            );
          }
        },
        chunk: async (read) => {
          await step(read - last);
          last = read;
        },
      });
      conn.exec(
        `CREATE INDEX nhtsa_vehicles_make_model_year ON nhtsa_vehicles (make_key, model_key, year);
         CREATE INDEX nhtsa_vehicles_make_year ON nhtsa_vehicles (make_key, year, model);`,
      );
      conn
        .prepare(
          `INSERT INTO nhtsa_import (part, file_name, imported_at, newest_report_date, fields, rows_read, rows_kept, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (part) DO UPDATE SET file_name = excluded.file_name, imported_at = excluded.imported_at, newest_report_date = excluded.newest_report_date,
             fields = excluded.fields, rows_read = excluded.rows_read, rows_kept = excluded.rows_kept, refused = excluded.refused`,
        )
        .run(part, fileName, at, written.newestReportDate, written.fields, written.rowsRead, written.kept, JSON.stringify(written.refused));
    },
    doneMessage: () =>
      `Imported NHTSA's recall file ${fileName}: ${count(written?.kept ?? counts.kept)} vehicle rows kept of ${count(written?.rowsRead ?? counts.rowsRead)} read.`,
    source: () => ({
      kind: 'nhtsa',
      fileName,
      part,
      rows: written?.kept ?? counts.kept,
      newestReportDate: written?.newestReportDate ?? counts.newestReportDate,
    }),
  };
}
