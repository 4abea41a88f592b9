// Decodes kept in the app's own database once made (table vin_decodes, migration 006): a VIN decoded
// once is never decoded again by the same vPIC data, in this run or the next, in any process on the file.
import type BetterSqlite3 from 'better-sqlite3';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { computeCheckDigit, yearCodeOf } from '../../shared/vin';
import { countQuietWrites } from '../db/generation';
import type { DecodeStore } from './vpic';

export class SqliteDecodeStore implements DecodeStore {
  private readonly read: BetterSqlite3.Statement<[string, string], string | null>;
  private readonly write: BetterSqlite3.Statement<[string, string, string | null, string]>;

  /** @param source the vPIC data decodes come from: a decode from other data is not used */
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly source: string,
    private readonly now: () => Date,
  ) {
    this.read = sqlite.prepare<[string, string], string | null>('SELECT decoded FROM vin_decodes WHERE vin = ? AND source = ?').pluck();
    this.write = sqlite.prepare(
      'INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES (?, ?, ?, ?) ON CONFLICT (vin) DO UPDATE SET source = excluded.source, decoded = excluded.decoded, decoded_at = excluded.decoded_at',
    );
  }

  /** The kept decode (null: vPIC does not know the VIN); undefined when none was kept from this source. */
  get(vin: string): DecodedVehicle | null | undefined {
    const row = this.read.get(vin, this.source);
    if (row === undefined) return undefined;
    return row === null ? null : (JSON.parse(row) as DecodedVehicle);
  }

  put(vin: string, decoded: DecodedVehicle | null): void {
    const { changes } = this.write.run(vin, this.source, decoded ? JSON.stringify(decoded) : null, this.now().toISOString());
    // A kept decode changes no report: the reports' data generation stays (main/db/generation.ts).
    countQuietWrites(this.sqlite, changes);
  }
}

/**
 * One VIN per decode family (WMI and model year: the decoder finds a family's schemas and patterns once
 * and keeps them) that the counter is likely to scan: the stock's (real VINs, whose decodes are kept),
 * the library's VIN ranges and its model windows (the bulletin's WMIs and the windows' model years).
 * Stock first; at most `limit`.
 */
export function familyVins(sqlite: BetterSqlite3.Database, limit = 400): string[] {
  const stock = sqlite.prepare<[], string>('SELECT min(vin) FROM vehicles WHERE in_stock = 1 GROUP BY substr(vin, 1, 3), substr(vin, 10, 1)').pluck().all();
  const ranges = sqlite
    .prepare<[], { wmi: string; vds: string; year: string; serial: string }>(
      'SELECT wmi, min(vds) AS vds, year_code AS year, min(serial_from) AS serial FROM vin_range_rules GROUP BY wmi, year_code',
    )
    .all();
  const windows = sqlite
    .prepare<[], { wmi: string; modelYear: number }>(
      "SELECT DISTINCT j.value AS wmi, m.model_year AS modelYear FROM model_window_rules m JOIN campaigns c ON c.id = m.campaign_id, json_each(c.document, '$.wmis') j",
    )
    .all();
  const out = new Map<string, string>();
  const add = (vin: string | null) => {
    if (vin && !out.has(vin.slice(0, 3) + vin[9])) out.set(vin.slice(0, 3) + vin[9], vin);
  };
  for (const vin of stock) add(vin);
  for (const r of ranges) add(familyVin(r.wmi, r.vds, r.year, r.serial));
  for (const w of windows) {
    const year = yearCodeOf(w.modelYear);
    if (year) add(familyVin(w.wmi, 'AAAAA', year, '0000001'));
  }
  return [...out.values()].slice(0, limit);
}

/** A well-formed VIN of a family (its check digit right), for warming the decoder only. */
function familyVin(wmi: string, vds: string, year: string, serial: string): string | null {
  const v = `${wmi}${vds}0${year}${serial}`.padEnd(17, '0').slice(0, 17);
  const check = computeCheckDigit(v);
  return check ? v.slice(0, 8) + check + v.slice(9) : null;
}
